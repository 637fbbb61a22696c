import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import { outboxEntryWords } from '../../client/components/courier/outbox-entry-words';
import courierEn from '../../client/locales/courier/en.json';
import courierZh from '../../client/locales/courier/zh-CN.json';
import type { CourierReport } from '../../shared/courier/courier-report';
import type { ManifestStop } from '../../shared/courier/manifest';

const delivery: ManifestStop = {
  kind: 'delivery',
  pickup: null,
  trackingNo: 'DS1234567890',
  status: 'OutForDelivery',
  subStatus: 'OutForDelivery_001',
  version: 3,
  routePosition: 1,
  recipient: { name: '张伟', phone: '13812345678' },
  address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园南路88号' },
  instructions: null,
  attemptChoice: null,
  itemCount: 2,
  promisedBy: null,
};
const pickup: ManifestStop = {
  ...delivery,
  kind: 'pickup',
  pickup: { returnNo: 'RT20261204001', items: [{ name: '纯棉T恤', quantity: 1 }], slot: null, slotDay: null },
  recipient: { name: 'Li Na', phone: '13900001111' },
};

const report = (over: Partial<CourierReport> & Pick<CourierReport, 'kind'>): CourierReport => ({
  id: '00000000-0000-4000-8000-000000000001',
  deviceId: '00000000-0000-4000-8000-000000000002',
  seq: 1,
  trackingNo: delivery.trackingNo,
  occurredAt: Date.UTC(2026, 11, 4, 3),
  shipmentVersion: 3,
  ...over,
});

const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: courierEn, 'zh-CN': courierZh } });
const say = (locale: 'en' | 'zh-CN', words: { key: string; params: Record<string, string> }) => {
  i18n.global.locale.value = locale;
  return i18n.global.t(words.key, words.params);
};

describe('outboxEntryWords', () => {
  it.each([
    ['delivered with the receiver named', report({ kind: 'delivered', recipientName: ' 门卫王师傅 ' }), delivery, '张伟', 'Delivered to 门卫王师傅', '已签收：门卫王师傅'],
    ['delivered with no receiver named', report({ kind: 'delivered' }), delivery, '张伟', 'Delivered', '已签收'],
    ['a failed attempt with its reason', report({ kind: 'failed_attempt', reasonCode: 'phone_unreachable' }), delivery, '张伟', 'Not delivered: Recipient’s phone not answered', '未送达：电话无人接听'],
    ['a failed attempt with a reason this app does not know', report({ kind: 'failed_attempt', reasonCode: 'new_reason' }), delivery, '张伟', 'Not delivered: new_reason', '未送达：new_reason'],
    ['an exception with its reason', report({ kind: 'exception', reasonCode: 'refused' }), delivery, '张伟', 'Problem reported: Refused by the recipient', '已报异常：收件人拒收'],
    ['picked up from the sender', report({ kind: 'picked_up' }), delivery, '张伟', 'Picked up', '已揽收'],
    ['out for delivery', report({ kind: 'out_for_delivery' }), delivery, '张伟', 'Out for delivery', '派送中'],
    ['left in a locker (the place, never the code)', report({ kind: 'at_pickup_point', pickupPoint: { type: 'locker', code: '628391', name: '丰巢快递柜（阳光花园3号柜）', address: '南山区科技南路88号阳光花园北门' } }), delivery, '张伟', 'In a locker: 丰巢快递柜（阳光花园3号柜）', '已放快递柜：丰巢快递柜（阳光花园3号柜）'],
    ['left at a station', report({ kind: 'at_pickup_point', pickupPoint: { type: 'station', code: '8-3-1024', name: '菜鸟驿站（阳光花园店）', address: '南山区科技南路90号底商' } }), delivery, '张伟', 'At a station: 菜鸟驿站（阳光花园店）', '已放驿站：菜鸟驿站（阳光花园店）'],
    ['a return collected from the customer', report({ kind: 'picked_up' }), pickup, 'Li Na', 'Collected return RT20261204001', '已取回退货 RT20261204001'],
    ['a return pickup that failed', report({ kind: 'failed_attempt', reasonCode: 'recipient_unavailable' }), pickup, 'Li Na', 'Pickup failed: Recipient not available', '上门取件失败：收件人不在'],
    ['a stop gone from the phone’s manifest', report({ kind: 'delivered', recipientName: '本人' }), undefined, null, 'Delivered to 本人', '已签收：本人'],
  ])('%s', (_case, sent, stop, recipient, en, zh) => {
    const inEnglish = outboxEntryWords(sent, stop, 'en');
    expect(inEnglish.recipient).toBe(recipient);
    expect(say('en', inEnglish)).toBe(en);
    expect(say('zh-CN', outboxEntryWords(sent, stop, 'zh-CN'))).toBe(zh);
  });

  it('keeps the courier’s note, and no empty one', () => {
    expect(outboxEntryWords(report({ kind: 'failed_attempt', reasonCode: 'phone_unreachable', note: ' 下午再来 ' }), delivery, 'zh-CN').note).toBe('下午再来');
    expect(outboxEntryWords(report({ kind: 'delivered', note: '  ' }), delivery, 'en').note).toBeNull();
  });

  it('has every sentence in both languages', () => {
    const keys = Object.keys(courierEn.courier.outbox.report).sort();
    expect(Object.keys(courierZh.courier.outbox.report).sort()).toEqual(keys);
  });
});

import { describe, expect, it } from 'vitest';
import { checkNotificationSignature } from '../../server/domain/payments/notification-signature';
import { shipmentWebhookEvents } from '../../server/domain/webhooks/shipment-webhooks';
import { classifyAddress } from '../../server/domain/webhooks/webhook-address';
import { MAX_WEBHOOK_ATTEMPTS, webhookRetryDelayMs } from '../../server/domain/webhooks/webhook-retry';
import { webhookHeaders } from '../../server/domain/webhooks/webhook-sender';
import { checkWebhookUrl } from '../../server/domain/webhooks/webhook-url';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['203.0.113.7', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['100.128.0.1', 'public'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::a9fe:a9fe', 'link_local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
  ])('%s is %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });
});

describe('checkWebhookUrl', () => {
  it.each([
    ['https://shop.example.com/hooks', 'https://shop.example.com/hooks'],
    ['http://203.0.113.7:8080/h?x=1', 'http://203.0.113.7:8080/h?x=1'],
  ])('takes %s', (url, expected) => expect(checkWebhookUrl(url, false)).toBe(expected));

  it.each([
    ['not a url', 'webhook_url_invalid'],
    ['ftp://shop.example.com/', 'webhook_url_invalid'],
    ['https://user:pw@shop.example.com/', 'webhook_url_invalid'],
    ['http://localhost:3000/', 'webhook_url_private'],
    ['http://127.0.0.1/', 'webhook_url_private'],
    ['http://2130706433/', 'webhook_url_private'],
    ['http://0x7f.1/', 'webhook_url_private'],
    ['http://[::1]/', 'webhook_url_private'],
    ['http://[::ffff:127.0.0.1]/', 'webhook_url_private'],
    ['http://169.254.169.254/latest/meta-data', 'webhook_url_private'],
    ['http://10.0.0.5/', 'webhook_url_private'],
    ['http://intranet/', 'webhook_url_private'],
    ['http://printer.local/', 'webhook_url_private'],
  ])('refuses %s (%s)', (url, code) => {
    expect(() => checkWebhookUrl(url, false)).toThrow(expect.objectContaining({ code }));
  });

  it('takes private addresses when the setting allows them', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9000/h', true)).toBe('http://127.0.0.1:9000/h');
    expect(() => checkWebhookUrl('file:///etc/passwd', true)).toThrow(expect.objectContaining({ code: 'webhook_url_invalid' }));
  });
});

describe('webhook back-off', () => {
  it.each([
    [1, 60_000],
    [2, 300_000],
    [3, 1_800_000],
    [4, 7_200_000],
    [5, 21_600_000],
    [6, 86_400_000],
    [7, null],
  ])('after try %i waits %s', (n, delay) => expect(webhookRetryDelayMs(n)).toBe(delay));

  it('gives up after seven tries and refuses nonsense', () => {
    expect(MAX_WEBHOOK_ATTEMPTS).toBe(7);
    expect(() => webhookRetryDelayMs(0)).toThrow(RangeError);
  });
});

describe('webhook signature', () => {
  it('signs t.body with the endpoint secret, in the payments form', () => {
    const now = Date.UTC(2026, 11, 5, 12);
    const payload = '{"id":"e1","type":"order.confirmed","createdAt":1,"data":{}}';
    const h = webhookHeaders({ eventId: 'e1', eventType: 'order.confirmed', payload, secret: 'whsec_test' }, now);
    expect(h['doorstep-signature']).toMatch(new RegExp(`^t=${now / 1000},v1=[0-9a-f]{64}$`));
    expect(checkNotificationSignature(h['doorstep-signature'], payload, 'whsec_test', now)).toBe('ok');
    expect(checkNotificationSignature(h['doorstep-signature'], payload, 'whsec_other', now)).toBe('mismatch');
    expect(checkNotificationSignature(h['doorstep-signature'], `${payload} `, 'whsec_test', now)).toBe('mismatch');
    expect(h).toMatchObject({ 'content-type': 'application/json', 'doorstep-event-id': 'e1', 'doorstep-event-type': 'order.confirmed' });
  });
});

describe('shipmentWebhookEvents', () => {
  const move = (from: [string, string], to: [string, string]) =>
    shipmentWebhookEvents({ trackingNo: 'DS1', from: { status: from[0], subStatus: from[1] }, to: { status: to[0], subStatus: to[1] }, reasonCode: 'refused', occurredAt: 5 });

  it.each([
    ['no change', ['InTransit', 'InTransit_001'], ['InTransit', 'InTransit_001'], []],
    ['a sub-status change', ['InTransit', 'InTransit_001'], ['InTransit', 'InTransit_002'], ['shipment.status_changed']],
    ['out for delivery', ['InTransit', 'InTransit_001'], ['OutForDelivery', 'OutForDelivery_001'], ['shipment.status_changed']],
    ['becoming Exception', ['OutForDelivery', 'OutForDelivery_001'], ['Exception', 'Exception_003'], ['shipment.status_changed', 'shipment.exception']],
    ['Exception to another Exception', ['Exception', 'Exception_003'], ['Exception', 'Exception_005'], ['shipment.status_changed']],
  ] as const)('%s', (_name, from, to, types) => {
    expect(move([...from], [...to]).map((e) => e.type)).toEqual(types);
  });

  it('carries small payloads: numbers, statuses and times', () => {
    expect(move(['OutForDelivery', 'OutForDelivery_001'], ['Exception', 'Exception_003'])).toEqual([
      { type: 'shipment.status_changed', data: { trackingNo: 'DS1', from: 'OutForDelivery', to: 'Exception', subStatus: 'Exception_003', occurredAt: 5 } },
      { type: 'shipment.exception', data: { trackingNo: 'DS1', subStatus: 'Exception_003', reasonCode: 'refused', occurredAt: 5 } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DELIVERY_REASONS, REASON_CATEGORIES, findDeliveryReason, reasonsFor } from '../../shared/courier/delivery-reasons';
import { checkReportContent } from '../../shared/courier/report-rules';
import { findSubStatus } from '../../shared/tracking/statuses';
import { FAILED_ATTEMPTS, OPEN_TRANSIT_EXCEPTIONS, TRANSIT_DELAYS, LOST, ADDRESS_INCOMPLETE, REFUSED, RETURN_TO_SENDER } from '../../server/demo/demo-incidents';

describe('delivery reason taxonomy', () => {
  it('has unique codes, both languages, and a real sub-status for every kind it applies to', () => {
    const codes = DELIVERY_REASONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of DELIVERY_REASONS) {
      expect(r.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.label.en.length).toBeGreaterThan(3);
      expect(r.kinds.length).toBeGreaterThan(0);
      for (const kind of r.kinds) {
        const code = r.subStatus[kind];
        expect(code, `${r.code} ${kind}`).toBeDefined();
        expect(findSubStatus(code!)?.status).toBe(kind === 'failed_attempt' ? 'AttemptFail' : 'Exception');
      }
    }
  });

  it('covers every category, with reasons for both failed attempts and exceptions', () => {
    for (const category of REASON_CATEGORIES) expect(DELIVERY_REASONS.some((r) => r.category === category), category).toBe(true);
    expect(reasonsFor('failed_attempt').length).toBeGreaterThan(5);
    expect(reasonsFor('exception').length).toBeGreaterThan(5);
  });

  it('knows every reason the demo data uses', () => {
    const demo = [FAILED_ATTEMPTS, OPEN_TRANSIT_EXCEPTIONS, TRANSIT_DELAYS].flatMap((w) => w.items.map((i) => i.reasonCode));
    for (const code of [...demo, LOST.reasonCode, ADDRESS_INCOMPLETE.reasonCode, REFUSED.reasonCode, RETURN_TO_SENDER.reasonCode]) {
      expect(findDeliveryReason(code), code).toBeDefined();
    }
  });
});

describe('checkReportContent', () => {
  const proof = { photo: true, recipientName: true, signature: false };
  it.each([
    [{ kind: 'picked_up' }, proof, { ok: true, status: 'InTransit', subStatus: 'InTransit_002' }],
    [{ kind: 'out_for_delivery' }, proof, { ok: true, status: 'OutForDelivery', subStatus: 'OutForDelivery_001' }],
    [{ kind: 'delivered', recipientName: '本人', photoIds: ['p'] }, proof, { ok: true, status: 'Delivered' }],
    [{ kind: 'delivered', recipientName: '本人' }, proof, { ok: false, code: 'photo_required' }],
    [{ kind: 'delivered', photoIds: ['p'] }, proof, { ok: false, code: 'recipient_name_required' }],
    [{ kind: 'delivered', recipientName: '  ', photoIds: ['p'] }, proof, { ok: false, code: 'recipient_name_required' }],
    [{ kind: 'delivered' }, { photo: false, recipientName: false, signature: false }, { ok: true, status: 'Delivered' }],
    [{ kind: 'delivered', recipientName: 'a', photoIds: ['p'] }, { ...proof, signature: true }, { ok: false, code: 'signature_required' }],
    [{ kind: 'failed_attempt', reasonCode: 'recipient_unavailable' }, proof, { ok: true, status: 'AttemptFail', subStatus: 'AttemptFail_001' }],
    [{ kind: 'failed_attempt', reasonCode: 'no_access' }, proof, { ok: false, code: 'photo_required' }],
    [{ kind: 'failed_attempt', reasonCode: 'no_access', photoIds: ['p'] }, proof, { ok: true, subStatus: 'AttemptFail_002' }],
    [{ kind: 'failed_attempt' }, proof, { ok: false, code: 'reason_required' }],
    [{ kind: 'exception', reasonCode: 'weather_delay' }, proof, { ok: true, status: 'Exception', subStatus: 'Exception_009' }],
    [{ kind: 'exception', reasonCode: 'recipient_unavailable' }, proof, { ok: false, code: 'reason_not_for_kind' }],
    [{ kind: 'exception', reasonCode: 'nope' }, proof, { ok: false, code: 'unknown_reason' }],
    [{ kind: 'out_for_delivery', reasonCode: 'weather_delay' }, proof, { ok: false, code: 'reason_not_for_kind' }],
  ] as const)('%j', (content, rules, expected) => {
    expect(checkReportContent(content, rules)).toMatchObject(expected);
  });
});

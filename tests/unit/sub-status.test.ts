import { describe, expect, it } from 'vitest';
import {
  SUB_STATUSES,
  TRACKING_STATUSES,
  defaultSubStatus,
  findSubStatus,
  resolveSubStatus,
} from '../../shared/tracking/statuses';

describe('sub-status mapping', () => {
  it('gives every status a numbered _001 default that exists', () => {
    for (const status of TRACKING_STATUSES) {
      const code = defaultSubStatus(status);
      expect(code).toBe(`${status}_001`);
      expect(findSubStatus(code)?.status).toBe(status);
    }
  });

  it('names every sub-status after its status, numbered, uniquely, in both languages', () => {
    const codes = SUB_STATUSES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of SUB_STATUSES) {
      expect(s.code).toMatch(new RegExp(`^${s.status}_\\d{3}$`));
      expect(s.label.en).not.toBe('');
      expect(s.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each([
    ['InTransit', undefined, { ok: true, subStatus: 'InTransit_001' }],
    ['InTransit', null, { ok: true, subStatus: 'InTransit_001' }],
    ['InTransit', '', { ok: true, subStatus: 'InTransit_001' }],
    ['InTransit', 'InTransit_003', { ok: true, subStatus: 'InTransit_003' }],
    ['Delivered', 'Delivered_003', { ok: true, subStatus: 'Delivered_003' }],
    ['Exception', 'Exception_006', { ok: true, subStatus: 'Exception_006' }],
    ['Delivered', 'InTransit_003', { ok: false, code: 'sub_status_mismatch' }],
    ['InTransit', 'InTransit_999', { ok: false, code: 'unknown_sub_status' }],
    ['InTransit', 'whatever', { ok: false, code: 'unknown_sub_status' }],
  ] as const)('resolves %s + %j', (status, code, expected) => {
    expect(resolveSubStatus(status, code)).toEqual(expected);
  });
});

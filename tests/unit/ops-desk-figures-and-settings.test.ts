import { describe, expect, it } from 'vitest';
import { figuresRange } from '../../server/domain/ops-desk/figures-range';
import { settingsUpdateRequestSchema } from '../../shared/api/ops-desk';
import { DEFAULT_RETURN_POLICY } from '../../shared/returns/return-policy';

const NOW = Date.UTC(2026, 10, 21, 4, 0); // 12:00 on 21 Nov in Shanghai
const SH = 'Asia/Shanghai';
const shanghaiMidnight = (m: number, d: number) => Date.UTC(2026, m - 1, d) - 8 * 3_600_000;

describe('the courier figures’ range of shop days', () => {
  it.each([
    [{}, '2026-11-15', '2026-11-21', shanghaiMidnight(11, 15), shanghaiMidnight(11, 22)],
    [{ to: '2026-11-10' }, '2026-11-04', '2026-11-10', shanghaiMidnight(11, 4), shanghaiMidnight(11, 11)],
    [{ from: '2026-11-01' }, '2026-11-01', '2026-11-21', shanghaiMidnight(11, 1), shanghaiMidnight(11, 22)],
    [{ from: '2026-11-21', to: '2026-11-21' }, '2026-11-21', '2026-11-21', shanghaiMidnight(11, 21), shanghaiMidnight(11, 22)],
    [{ from: '2025-11-21', to: '2026-11-21' }, '2025-11-21', '2026-11-21', Date.UTC(2025, 10, 21) - 8 * 3_600_000, shanghaiMidnight(11, 22)],
  ])('%j → %s…%s', (query, from, to, start, end) => {
    expect(figuresRange(query, NOW, SH)).toEqual({ from, to, start, end });
  });

  it('uses the shop’s “today”, not UTC’s: at 01:00 UTC on the 21st it is already the 21st in Shanghai', () => {
    expect(figuresRange({}, Date.UTC(2026, 10, 20, 17), SH).to).toBe('2026-11-21');
    expect(figuresRange({}, Date.UTC(2026, 10, 20, 17), 'UTC').to).toBe('2026-11-20');
  });

  it.each([
    [{ from: '2026-11-22', to: '2026-11-21' }, 'invalid_date_range'],
    [{ from: '2025-11-20', to: '2026-11-21' }, 'invalid_date_range'], // 367 days
    [{ from: '2026-02-29' }, 'invalid_date'],
    [{ to: '2026-13-01' }, 'invalid_date'],
  ])('%j is refused (%s)', (query, code) => {
    expect(() => figuresRange(query, NOW, SH)).toThrow(expect.objectContaining({ status: 400, code }));
  });
});

const policy = (over: Record<string, unknown> = {}) => ({
  returnPolicy: { ...DEFAULT_RETURN_POLICY, ...over },
  proofOfDelivery: { photo: true, recipientName: true, signature: false },
});

describe('the bounds of each setting', () => {
  it.each([
    ['the defaults', {}, true],
    ['7 no-reason days (the statutory floor)', { noReasonDays: 7 }, true],
    ['6 no-reason days', { noReasonDays: 6 }, false],
    ['90 no-reason days', { noReasonDays: 90, qualityDays: 90 }, true],
    ['91 no-reason days', { noReasonDays: 91, qualityDays: 91 }, false],
    ['a quality window equal to the no-reason one', { noReasonDays: 15, qualityDays: 15 }, true],
    ['a quality window shorter than the no-reason one', { noReasonDays: 15, qualityDays: 14 }, false],
    ['365 quality days', { qualityDays: 365 }, true],
    ['366 quality days', { qualityDays: 366 }, false],
    ['a free return pickup', { returnShippingFeeFen: 0 }, true],
    ['a ¥200 return fee', { returnShippingFeeFen: 20_000 }, true],
    ['a ¥200.01 return fee', { returnShippingFeeFen: 20_001 }, false],
    ['a fee in yuan with decimals', { returnShippingFeeFen: 10.5 }, false],
    ['auto-approving nothing', { autoApproveLimitFen: 0 }, true],
    ['auto-approving up to ¥100,000', { autoApproveLimitFen: 10_000_000 }, true],
    ['a negative auto-approve limit', { autoApproveLimitFen: -1 }, false],
    ['no shop exclusions', { shopExclusions: [] }, true],
    ['an exclusion of a known category', { shopExclusions: [{ category: 'home', when: 'always' }] }, true],
    ['an exclusion of an unknown category', { shopExclusions: [{ category: 'cars', when: 'always' }] }, false],
    ['the same category twice', { shopExclusions: [{ category: 'home', when: 'always' }, { category: 'home', when: 'unsealed' }] }, false],
    ['21 exclusions', { shopExclusions: Array.from({ length: 21 }, (_, i) => ({ category: `c${i}`, when: 'always' })) }, false],
  ])('%s: %s', (_name, over, ok) => {
    expect(settingsUpdateRequestSchema.safeParse(policy(over)).success).toBe(ok);
  });

  it.each([
    [{ photo: false, recipientName: false, signature: false }, true],
    [{ photo: true, recipientName: true, signature: true }, true],
    [{ photo: 1, recipientName: true, signature: true }, false],
    [{ photo: true, recipientName: true }, false],
    [{ photo: true, recipientName: true, signature: true, fingerprint: true }, false],
  ])('proof of delivery %j: %s', (proofOfDelivery, ok) => {
    expect(settingsUpdateRequestSchema.safeParse({ ...policy(), proofOfDelivery }).success).toBe(ok);
  });
});

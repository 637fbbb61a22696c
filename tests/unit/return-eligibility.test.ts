import { describe, expect, it } from 'vitest';
import { checkEligibility, type EligibilityInput } from '../../shared/returns/return-eligibility';
import { DEFAULT_RETURN_POLICY } from '../../shared/returns/return-policy';
import { canMoveReturn, CANCELLABLE_RETURN_STATUSES, RETURN_STATUSES, RETURN_TRANSITIONS } from '../../shared/returns/return-status';

// Delivered on 1 Nov 2026 at 22:30 in Shanghai (14:30 UTC): day 1 is 2 Nov, day 7 is 8 Nov.
const DELIVERED = Date.UTC(2026, 10, 1, 14, 30);
const shanghai = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour - 8, minute);

const line = (over: Partial<EligibilityInput['lines'][number]> = {}) => ({
  orderItemId: 1,
  name: '纯棉T恤',
  category: 'apparel',
  delivered: 2,
  alreadyReturned: 0,
  requested: 1,
  ...over,
});

const input = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  orderPaid: true,
  deliveredAt: DELIVERED,
  now: shanghai(3, 12),
  timeZone: 'Asia/Shanghai',
  policy: DEFAULT_RETURN_POLICY,
  reasonCode: 'no_reason',
  condition: 'unopened',
  photoCount: 0,
  lines: [line()],
  parcelClaim: null,
  ...over,
});

const codes = (i: EligibilityInput) => checkEligibility(i).refusals.map((r) => r.code);

describe('return windows, counted in shop days from the day after delivery', () => {
  it.each([
    { name: 'no reason, day 7 at 23:59', over: { now: shanghai(8, 23, 59) }, refusals: [] },
    { name: 'no reason, day 8 at 00:00', over: { now: shanghai(9, 0, 0) }, refusals: ['window_closed'] },
    { name: 'no reason, delivery day itself', over: { now: shanghai(1, 23, 0) }, refusals: [] },
    { name: 'size or fit is also no-reason: day 8 refused', over: { reasonCode: 'size_fit', now: shanghai(9, 9) }, refusals: ['window_closed'] },
    { name: 'quality, day 8', over: { reasonCode: 'quality_defect', photoCount: 1, now: shanghai(9, 9) }, refusals: [] },
    { name: 'quality, day 15 at 23:59', over: { reasonCode: 'quality_defect', photoCount: 1, now: shanghai(16, 23, 59) }, refusals: [] },
    { name: 'quality, day 16', over: { reasonCode: 'quality_defect', photoCount: 1, now: shanghai(17, 0, 1) }, refusals: ['window_closed'] },
    { name: 'a shop with a 30-day quality window, day 16', over: { reasonCode: 'missing_parts', policy: { ...DEFAULT_RETURN_POLICY, qualityDays: 30 }, now: shanghai(17, 10) }, refusals: [] },
  ])('$name → $refusals', ({ over, refusals }) => {
    expect(codes(input(over))).toEqual(refusals);
  });

  it('names the last day, and says why in both languages', () => {
    const result = checkEligibility(input({ now: shanghai(9, 0) }));
    expect(result.lastDay).toBe('2026-11-08');
    // The day as people write it, not the machine's form.
    expect(result.refusals[0]!.message['zh-CN']).toContain('截止11月8日');
    expect(result.refusals[0]!.message.en).toContain('7 days');
    expect(result.refusals[0]!.message.en).toContain('the last day was Nov 8');
  });
});

describe('a parcel claim and a return of its items exclude each other', () => {
  it.each([
    { name: 'no claim', parcelClaim: null, refusals: [] },
    { name: 'an open claim', parcelClaim: 'open' as const, refusals: ['parcel_claimed'] },
    { name: 'a claim refunded', parcelClaim: 'refunded' as const, refusals: ['parcel_claimed'] },
    { name: 'a claim answered by sending again', parcelClaim: 'resent' as const, refusals: ['parcel_claimed'] },
  ])('$name → $refusals', ({ parcelClaim, refusals }) => {
    expect(codes(input({ parcelClaim }))).toEqual(refusals);
  });

  it('says why in words, also for a quality return', () => {
    const [why] = checkEligibility(input({ parcelClaim: 'open', reasonCode: 'quality_defect', photoCount: 1 })).refusals;
    expect(why!.message['zh-CN']).toContain('理赔');
    expect(why!.message.en).toContain('claim');
  });
});

describe('categories kept out of no-reason returns', () => {
  it.each([
    { category: 'custom_made', condition: 'unopened', reason: 'no_reason', refused: true },
    { category: 'fresh_food', condition: 'unopened', reason: 'size_fit', refused: true },
    { category: 'periodicals', condition: 'unopened', reason: 'no_reason', refused: true },
    { category: 'digital_content', condition: 'unopened', reason: 'no_reason', refused: false },
    { category: 'digital_content', condition: 'opened', reason: 'no_reason', refused: true },
    { category: 'beauty', condition: 'unopened', reason: 'no_reason', refused: false },
    { category: 'beauty', condition: 'used', reason: 'no_reason', refused: true },
    { category: 'underwear', condition: 'opened', reason: 'no_reason', refused: true },
    { category: 'apparel', condition: 'used', reason: 'no_reason', refused: false },
    // Quality problems stay returnable whatever the category.
    { category: 'custom_made', condition: 'used', reason: 'quality_defect', refused: false },
    { category: 'fresh_food', condition: 'opened', reason: 'damaged_in_transit', refused: false },
    { category: 'underwear', condition: 'opened', reason: 'wrong_item', refused: false },
    { category: 'periodicals', condition: 'opened', reason: 'missing_parts', refused: false },
  ] as const)('$category, $condition, $reason → refused: $refused', ({ category, condition, reason, refused }) => {
    const result = codes(input({ reasonCode: reason, condition, photoCount: 1, lines: [line({ category })] }));
    expect(result.includes('category_excluded')).toBe(refused);
  });

  it('honours categories the shop marks', () => {
    const policy = { ...DEFAULT_RETURN_POLICY, shopExclusions: [{ category: 'home', when: 'always' as const }] };
    expect(codes(input({ policy, lines: [line({ category: 'home' })] }))).toEqual(['category_excluded']);
    expect(codes(input({ policy, lines: [line({ category: 'beauty' })], condition: 'used' }))).toEqual([]);
  });
});

describe('quantities across repeated partial returns', () => {
  it.each([
    { delivered: 3, alreadyReturned: 0, requested: 3, ok: true },
    { delivered: 3, alreadyReturned: 1, requested: 2, ok: true },
    { delivered: 3, alreadyReturned: 1, requested: 3, ok: false },
    { delivered: 3, alreadyReturned: 3, requested: 1, ok: false },
    { delivered: 1, alreadyReturned: 0, requested: 2, ok: false },
  ])('delivered $delivered, already $alreadyReturned, asking $requested → $ok', ({ ok, ...q }) => {
    expect(codes(input({ lines: [line(q)] })).includes('quantity_exceeded')).toBe(!ok);
  });

  it('asks for at least one item', () => {
    expect(codes(input({ lines: [line({ requested: 0 })] }))).toEqual(['no_items']);
  });
});

describe('evidence and the order itself', () => {
  it.each([
    { reason: 'quality_defect', photos: 0, refused: true },
    { reason: 'damaged_in_transit', photos: 0, refused: true },
    { reason: 'wrong_item', photos: 0, refused: true },
    { reason: 'not_as_described', photos: 0, refused: true },
    { reason: 'missing_parts', photos: 0, refused: false },
    { reason: 'no_reason', photos: 0, refused: false },
    { reason: 'quality_defect', photos: 2, refused: false },
  ])('$reason with $photos photos → refused: $refused', ({ reason, photos, refused }) => {
    expect(codes(input({ reasonCode: reason, photoCount: photos })).includes('photo_required')).toBe(refused);
  });

  it('refuses unpaid orders, undelivered parcels and unknown reasons', () => {
    expect(codes(input({ orderPaid: false }))).toEqual(['not_paid']);
    expect(codes(input({ deliveredAt: null }))).toEqual(['not_delivered']);
    expect(codes(input({ reasonCode: 'bored' }))).toEqual(['unknown_reason']);
  });
});

describe('the return state machine', () => {
  it.each([
    ['requested', 'approved', true],
    ['requested', 'needs_review', true],
    ['requested', 'rejected', true],
    ['needs_review', 'approved', true],
    ['needs_review', 'rejected', true],
    ['approved', 'pickup_scheduled', true],
    ['approved', 'awaiting_dropoff', true],
    ['pickup_scheduled', 'picked_up', true],
    ['picked_up', 'received', true],
    ['received', 'refunded', true],
    ['refunded', 'closed', true],
    ['pickup_scheduled', 'cancelled', true],
    ['picked_up', 'cancelled', false],
    ['requested', 'refunded', false],
    ['rejected', 'approved', false],
    ['refunded', 'refunded', false],
    ['received', 'picked_up', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveReturn(from, to)).toBe(allowed);
  });

  it('lets the customer cancel only before the parcel leaves their hands', () => {
    expect([...CANCELLABLE_RETURN_STATUSES].sort()).toEqual(['approved', 'awaiting_dropoff', 'needs_review', 'pickup_scheduled', 'requested']);
    expect(Object.keys(RETURN_TRANSITIONS).sort()).toEqual([...RETURN_STATUSES].sort());
  });
});

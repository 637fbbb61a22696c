import { describe, expect, it } from 'vitest';
import {
  chosenCategories,
  chosenItems,
  createRequestOf,
  draftGaps,
  emptyDraft,
  quoteRequestOf,
  sameQuoteRequest,
  steppedQuantity,
  type ReturnDraft,
} from '../../client/components/returns/return-draft';

const TRACKING_NO = 'DS00000012344';
const draft = (changes: Partial<ReturnDraft>): ReturnDraft => ({ ...emptyDraft(), ...changes });
const complete = draft({
  quantities: { 12: 1, 7: 2 },
  reasonCode: 'size_fit',
  reasonDetail: 'too_small',
  condition: 'opened',
  method: 'pickup',
  pickupSlotStart: 1_781_139_600_000,
});

describe('the item steppers', () => {
  it.each([
    [0, 1, 3, 1],
    [2, 1, 3, 3],
    [3, 1, 3, 3],
    [1, -1, 3, 0],
    [0, -1, 3, 0],
    // Another return took units meanwhile: the stepper comes down to what is left.
    [3, 1, 1, 1],
    [2, -1, 0, 0],
  ] as const)('%i with %i and %i returnable → %i', (current, step, returnable, next) => {
    expect(steppedQuantity(current, step, { returnable })).toBe(next);
  });

  it('sends only lines with units, in order-line order', () => {
    expect(chosenItems({ quantities: { 12: 1, 3: 0, 7: 2 } })).toEqual([
      { orderItemId: 7, quantity: 2 },
      { orderItemId: 12, quantity: 1 },
    ]);
  });
});

describe('what still stops a submission', () => {
  it.each([
    ['nothing chosen', emptyDraft(), ['items', 'reason', 'condition', 'slot']],
    ['everything chosen', complete, []],
    ['a reason without its detail', { ...complete, reasonDetail: '' }, ['detail']],
    ['a detail of another reason', { ...complete, reasonDetail: 'does_not_work' }, ['detail']],
    ['a defect without a photo', { ...complete, reasonCode: 'quality_defect', reasonDetail: 'seams_open' }, ['photos']],
    ['a defect with a photo sent', { ...complete, reasonCode: 'quality_defect', reasonDetail: 'seams_open', photoIds: ['a'] }, []],
    ['a defect with its photo still going up', { ...complete, reasonCode: 'quality_defect', reasonDetail: 'seams_open', photosUnsent: 1 }, ['photos_unsent']],
    ['missing parts needs no photo', { ...complete, reasonCode: 'missing_parts', reasonDetail: 'missing_gift' }, []],
    ['a no-reason return needs no detail', { ...complete, reasonCode: 'no_reason', reasonDetail: '' }, []],
    ['a pickup with no slot', { ...complete, pickupSlotStart: null }, ['slot']],
    ['a drop-off needs no slot', { ...complete, method: 'dropoff', pickupSlotStart: null }, []],
    ['every unit stepped back to none', { ...complete, quantities: { 12: 0 } }, ['items']],
  ] as const)('%s → %j', (_name, d, gaps) => {
    expect(draftGaps(d as ReturnDraft, ['apparel'])).toEqual(gaps);
  });

  it.each([
    ['a seam come apart on a shirt', 'seams_open', ['apparel'], []],
    ['a seam come apart on oranges', 'seams_open', ['fresh_food'], ['detail']],
    ['rotten oranges', 'rotten', ['fresh_food'], []],
    ['rotten oranges sent back with a shirt', 'rotten', ['fresh_food', 'apparel'], ['detail']],
  ] as const)('a detail that must fit the items: %s → %j', (_name, reasonDetail, categories, gaps) => {
    expect(draftGaps({ ...complete, reasonCode: 'quality_defect', reasonDetail, photoIds: ['a'] }, categories)).toEqual(gaps);
  });
});

describe('the categories of the chosen items', () => {
  it('are those of the lines with units', () => {
    const items = [
      { orderItemId: 7, category: 'apparel' },
      { orderItemId: 12, category: 'fresh_food' },
      { orderItemId: 3, category: 'books' },
    ];
    expect(chosenCategories({ quantities: { 12: 1, 3: 0 } }, items)).toEqual(['fresh_food']);
    expect(chosenCategories({ quantities: {} }, items)).toEqual([]);
  });
});

describe('the quote to ask for', () => {
  it('is nothing until items, reason and condition are chosen', () => {
    expect(quoteRequestOf(TRACKING_NO, emptyDraft())).toBeNull();
    expect(quoteRequestOf(TRACKING_NO, { ...complete, condition: '' })).toBeNull();
    expect(quoteRequestOf(TRACKING_NO, { ...complete, reasonCode: '' })).toBeNull();
    expect(quoteRequestOf(TRACKING_NO, { ...complete, quantities: {} })).toBeNull();
  });

  it('is asked before a detail is chosen, and choosing one asks nothing new', () => {
    const without = quoteRequestOf(TRACKING_NO, { ...complete, reasonDetail: '' });
    expect(without).toMatchObject({ reasonCode: 'size_fit', reasonDetail: null });
    expect(sameQuoteRequest(without, quoteRequestOf(TRACKING_NO, complete))).toBe(true);
  });

  it('is asked without a slot or photos: the rules say what is missing', () => {
    expect(quoteRequestOf(TRACKING_NO, { ...complete, pickupSlotStart: null, reasonCode: 'wrong_item', reasonDetail: 'different_product' })).toEqual({
      trackingNo: TRACKING_NO,
      items: [
        { orderItemId: 7, quantity: 2 },
        { orderItemId: 12, quantity: 1 },
      ],
      reasonCode: 'wrong_item',
      reasonDetail: null,
      condition: 'opened',
      method: 'pickup',
      photoIds: [],
    });
  });

  it('does not change with the note or the slot, so typing asks nothing new', () => {
    const before = quoteRequestOf(TRACKING_NO, complete);
    expect(sameQuoteRequest(before, quoteRequestOf(TRACKING_NO, { ...complete, note: 'hello', pickupSlotStart: 42 }))).toBe(true);
    expect(sameQuoteRequest(before, quoteRequestOf(TRACKING_NO, { ...complete, method: 'dropoff' }))).toBe(false);
    expect(sameQuoteRequest(before, quoteRequestOf(TRACKING_NO, { ...complete, quantities: { 12: 1, 7: 1 } }))).toBe(false);
  });

  it('submits the slot only for a pickup, and the note trimmed', () => {
    expect(createRequestOf(TRACKING_NO, { ...complete, note: '  fits badly  ' })).toMatchObject({ pickupSlotStart: complete.pickupSlotStart, note: 'fits badly' });
    expect(createRequestOf(TRACKING_NO, { ...complete, method: 'dropoff' })).toMatchObject({ method: 'dropoff', pickupSlotStart: null });
  });

  it('submits the detail chosen, and none for a no-reason return', () => {
    expect(createRequestOf(TRACKING_NO, complete)).toMatchObject({ reasonCode: 'size_fit', reasonDetail: 'too_small' });
    expect(createRequestOf(TRACKING_NO, { ...complete, reasonCode: 'no_reason', reasonDetail: 'too_small' })).toMatchObject({ reasonCode: 'no_reason', reasonDetail: null });
  });
});

import { describe, expect, it } from 'vitest';
import { checkCategoryCorrection } from '../../shared/feedback/category-correction';

describe('checkCategoryCorrection: which sets staff may give a feedback', () => {
  it.each([
    [['packaging'], ['packaging']],
    [['other'], ['other']],
    [['praise'], ['praise']],
    // Stored in the taxonomy's order, whatever order they were ticked in.
    [['courier_behaviour', 'wrong_place'], ['wrong_place', 'courier_behaviour']],
    [['refund_trouble', 'praise', 'delivery_late', 'packaging'], ['delivery_late', 'packaging', 'refund_trouble', 'praise']],
  ])('takes %j as %j', (codes, stored) => {
    expect(checkCategoryCorrection(codes)).toEqual({ ok: true, categories: stored });
  });

  it.each([
    [[], 'no_categories'],
    [['late'], 'unknown_category'],
    [['packaging', ''], 'unknown_category'],
    [['PACKAGING'], 'unknown_category'],
    [['packaging', 'packaging'], 'duplicate_category'],
    [['delivery_late', 'failed_attempt', 'not_received', 'wrong_place', 'packaging'], 'too_many_categories'],
    [['other', 'praise'], 'other_not_alone'],
    [['packaging', 'other'], 'other_not_alone'],
    // The first problem found is the one named: an unknown code before a repeated one.
    [['nope', 'packaging', 'packaging'], 'unknown_category'],
  ])('refuses %j as %s', (codes, problem) => {
    expect(checkCategoryCorrection(codes)).toEqual({ ok: false, problem });
  });
});

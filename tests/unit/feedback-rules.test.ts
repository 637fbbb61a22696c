import { describe, expect, it } from 'vitest';
import {
  canEditFeedback,
  EXCEPTION_OVERDUE_AFTER_MS,
  FEEDBACK_EDIT_WINDOW_MS,
  followUpDueAt,
  FOLLOW_UP_DUE_MS,
  isExceptionOverdue,
  isFollowUpOverdue,
  isNegativeFeedback,
} from '../../server/domain/feedback/feedback-rules';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 11, 1, 4, 0, 0);

describe('negative feedback opens a call-back', () => {
  it.each([
    [1, null, true],
    [2, null, true],
    [2, 10, true],
    [3, null, false],
    [3, 6, true],
    [3, 7, false],
    [3, 0, true],
    // Satisfied with this delivery (4–5): a low "would recommend" is about the shop or online
    // shopping at large, not a customer to call back (issue 10: a 4/5 praise in 客户不满意).
    [4, 6, false],
    [4, 0, false],
    [5, 0, false],
    [5, 6, false],
    [5, 7, false],
    [4, null, false],
  ])('CSAT %i, NPS %j → negative %s', (csat, nps, negative) => {
    expect(isNegativeFeedback(csat, nps)).toBe(negative);
  });
});

describe('the 24 h edit window', () => {
  it.each([
    [0, true],
    [23 * HOUR, true],
    [FEEDBACK_EDIT_WINDOW_MS, true],
    [FEEDBACK_EDIT_WINDOW_MS + 1, false],
    [48 * HOUR, false],
  ])('%i ms after it was given → editable %s', (after, editable) => {
    expect(canEditFeedback(T, T + after)).toBe(editable);
  });
});

describe('follow-up due times', () => {
  it('is due a day after it opened', () => {
    expect(FOLLOW_UP_DUE_MS).toBe(24 * HOUR);
    expect(followUpDueAt(T)).toBe(T + 24 * HOUR);
  });

  it.each([
    ['open', T + HOUR, T, false],
    ['open', T, T, false],
    ['open', T - 1, T, true],
    ['done', T - HOUR, T, false],
  ])('%s, due %i, now %i → overdue %s', (status, due, now, overdue) => {
    expect(isFollowUpOverdue(status, due, now)).toBe(overdue);
  });

  it.each([
    [47 * HOUR, false],
    [EXCEPTION_OVERDUE_AFTER_MS, false],
    [EXCEPTION_OVERDUE_AFTER_MS + 1, true],
    [5 * 24 * HOUR, true],
  ])('an exception whose last event is %i ms old is open too long: %s', (age, overdue) => {
    expect(isExceptionOverdue(T - age, T)).toBe(overdue);
  });
});

/**
 * The time rules of feedback and follow-ups, in one place so the shop can see and change them:
 * how long a customer may edit, how soon a call-back is due, when an exception counts as open
 * too long. Pure, tested by tables (tests/unit/feedback-rules.test.ts).
 */
const HOUR = 3_600_000;

/** A customer may change their feedback for this long after first giving it. */
export const FEEDBACK_EDIT_WINDOW_MS = 24 * HOUR;
/** A call-back is due this long after the feedback (or the overdue exception) opened it. */
export const FOLLOW_UP_DUE_MS = 24 * HOUR;
/** A parcel sitting in Exception with no new event for this long gets a call-back. */
export const EXCEPTION_OVERDUE_AFTER_MS = 48 * HOUR;

export function editableUntil(createdAt: number): number {
  return createdAt + FEEDBACK_EDIT_WINDOW_MS;
}

export function canEditFeedback(createdAt: number, now: number): boolean {
  return now <= editableUntil(createdAt);
}

export { isNegativeFeedback } from '../../../shared/feedback/negative-feedback';

export function followUpDueAt(openedAt: number): number {
  return openedAt + FOLLOW_UP_DUE_MS;
}

export function isFollowUpOverdue(status: string, dueAt: number, now: number): boolean {
  return status === 'open' && now > dueAt;
}

/** The exception has been open too long when its last event is older than the threshold. */
export function isExceptionOverdue(lastEventAt: number, now: number): boolean {
  return now - lastEventAt > EXCEPTION_OVERDUE_AFTER_MS;
}

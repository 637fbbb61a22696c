import { findDeliveryReason, type NextAction } from '../courier/delivery-reasons';
import { shopDate, shopDatePlusDays } from '../time/shop-calendar';

/**
 * After a failed attempt: what happens next, and what the customer may choose instead.
 *
 * What happens next follows the reason's next action in the taxonomy: a re-attempt is the next
 * day's round; a hold keeps the parcel at the station; an address problem waits for the shop;
 * a refusal goes back to the sender. The customer may then pick another day for the next
 * attempt (within a week: a station keeps a parcel no longer), ask to collect it from the
 * station, and, where the reason was about getting it handed over (not in, phone unanswered,
 * no way in), change the instructions that go with the next attempt. A refused parcel or one
 * with a bad address offers no choices: those are the shop's to sort out.
 */

export const ATTEMPT_CHOICE_KINDS = ['redeliver', 'hold'] as const;
export type AttemptChoiceKind = (typeof ATTEMPT_CHOICE_KINDS)[number];

/** The choice a customer made, kept with the parcel and shown on the courier's stop. */
export type AttemptChoice = { kind: 'redeliver'; day: string; at: number } | { kind: 'hold'; at: number };

/** How many days ahead a re-delivery may be booked (tomorrow is the first). */
export const REDELIVERY_DAYS_AHEAD = 5;

/** Reasons whose next attempt a change of instructions can help (the parcel was fine; the handover was not). */
const INSTRUCTIONS_HELP: readonly string[] = ['recipient_unavailable', 'phone_unreachable', 'recipient_rescheduled', 'business_closed', 'no_access', 'unsafe_location', 'dog_on_premises'];

export interface AttemptOptions {
  /** What happens if the customer does nothing. */
  plan: NextAction;
  /** The day of the next attempt when one is planned (YYYY-MM-DD, shop calendar). */
  plannedDay: string | null;
  /** Days the customer may pick for the next attempt, tomorrow first; empty when none may be picked. */
  days: string[];
  /** The customer may collect it from the station instead. */
  canHold: boolean;
  /** New instructions may go with the next attempt. */
  canChangeInstructions: boolean;
}

/**
 * `attemptedAt` is when the failed attempt happened, `now` when the customer looks: the plan
 * is counted from the attempt, the days on offer from today (a week-old attempt offers next
 * week, not days gone by).
 */
export function attemptOptions(reasonCode: string | null, attemptedAt: number, now: number, timeZone: string): AttemptOptions {
  const plan = (reasonCode && findDeliveryReason(reasonCode)?.nextAction) || 'reattempt';
  const nextDay = shopDatePlusDays(attemptedAt, timeZone, 1);
  const today = shopDate(now, timeZone);
  const choosable = plan === 'reattempt' || plan === 'hold';
  return {
    plan,
    plannedDay: plan === 'reattempt' ? (nextDay > today ? nextDay : shopDatePlusDays(now, timeZone, 1)) : null,
    days: choosable ? Array.from({ length: REDELIVERY_DAYS_AHEAD }, (_, i) => shopDatePlusDays(now, timeZone, i + 1)) : [],
    canHold: choosable,
    canChangeInstructions: choosable && reasonCode !== null && INSTRUCTIONS_HELP.includes(reasonCode),
  };
}

export type AttemptChoiceProblem = 'choice_not_offered' | 'day_not_offered' | 'instructions_not_offered';

/** What is wrong with a choice against the options (null: it may be made). */
export function attemptChoiceProblem(
  options: AttemptOptions,
  choice: { kind: AttemptChoiceKind; day?: string; withInstructions: boolean },
): AttemptChoiceProblem | null {
  if (choice.kind === 'hold') return options.canHold ? null : 'choice_not_offered';
  if (options.days.length === 0) return 'choice_not_offered';
  if (!choice.day || !options.days.includes(choice.day)) return 'day_not_offered';
  if (choice.withInstructions && !options.canChangeInstructions) return 'instructions_not_offered';
  return null;
}

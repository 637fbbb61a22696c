import type { PickupSlot } from '../../../shared/api/return-views';
import { startOfShopDay } from '../../../shared/time/shop-day';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Morning and afternoon rounds, in the shop's local time. */
const ROUNDS = [
  { from: 9, to: 12 },
  { from: 14, to: 18 },
];
const DAYS_AHEAD = 3;

/**
 * The pickup slots a customer can choose: the next three days' morning and afternoon rounds,
 * starting tomorrow (today's rounds are already planned when the request comes in).
 */
export function offeredPickupSlots(now: number, timeZone: string): PickupSlot[] {
  const today = startOfShopDay(now, timeZone);
  const slots: PickupSlot[] = [];
  for (let d = 1; d <= DAYS_AHEAD; d++) {
    // Re-anchored each day so a daylight-saving change can't shift the hours.
    const day = startOfShopDay(today + d * DAY + 12 * HOUR, timeZone);
    for (const round of ROUNDS) slots.push({ start: day + round.from * HOUR, end: day + round.to * HOUR });
  }
  return slots;
}

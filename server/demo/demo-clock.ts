import type { Random } from './random';

/**
 * Local time for the demo's working hours and promised days. The demo is set in mainland
 * China, which has one zone (UTC+8) and no daylight saving since 1991, so a fixed offset is
 * exact here and far cheaper than Intl in a loop over ten million events.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Hours since local midnight in Shanghai, as a fraction (13.5 = 13:30). */
export function shanghaiHour(at: number): number {
  const local = (at + SHANGHAI_OFFSET) % DAY;
  return (local < 0 ? local + DAY : local) / HOUR;
}

/** Epoch ms of the local midnight that starts `at`'s day in Shanghai. */
export function startOfShanghaiDay(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
}

/** The last millisecond of the Shanghai day `days` after `at`'s day: how promises are stated. */
export function endOfShanghaiDay(at: number, days = 0): number {
  return startOfShanghaiDay(at) + (days + 1) * DAY - 1;
}

/** `20261125` for an order number. */
export function shanghaiDateStamp(at: number): string {
  return new Date(at + SHANGHAI_OFFSET).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `at` itself when it falls inside the local window [fromHour, toHour); otherwise the next
 * opening of the window plus a short random spread, so a hundred parcels don't all move at
 * exactly 08:00.
 */
export function nextWorkingTime(at: number, fromHour: number, toHour: number, random: Random, spreadHours = 1): number {
  const hour = shanghaiHour(at);
  if (hour >= fromHour && hour < toHour) return at;
  const dayStart = startOfShanghaiDay(at);
  const opening = hour < fromHour ? dayStart + fromHour * HOUR : dayStart + DAY + fromHour * HOUR;
  const spread = Math.min(spreadHours, toHour - fromHour);
  return opening + Math.floor(random.between(0, spread) * HOUR);
}

/**
 * When a courier's event happened, as the server will record it. The phone's clock is kept as
 * evidence, but an event is never placed after the moment the server received it: a phone
 * whose clock runs days ahead would otherwise put a delivery that has not happened yet on the
 * timeline, and lateness and KPIs would read it.
 */

/** How far ahead a phone's clock, or an event's time past receipt, is still believed (network time on phones drifts by seconds). */
export const FUTURE_TOLERANCE_MS = 60_000;

export interface EventTime {
  /** The time to record and reason with. */
  occurredAt: number;
  /** The phone's own reading when it was not believed; null when it was used as it is. */
  deviceOccurredAt: number | null;
}

/**
 * `sentAt` is the phone's clock at sending, so `sentAt − receivedAt` measures how far it runs
 * ahead. A phone measured ahead has that lead taken off every event of the batch, not only the
 * ones that land in the future, so the batch keeps its order (an event made offline 40 minutes
 * ago on a phone 30 minutes fast stays before one made 20 minutes ago). Whatever the estimate,
 * an event is never placed after receipt.
 */
export function eventTimeOf(deviceOccurredAt: number, sentAt: number, receivedAt: number): EventTime {
  const lead = sentAt - receivedAt;
  if (lead > FUTURE_TOLERANCE_MS) return { occurredAt: Math.min(deviceOccurredAt - lead, receivedAt), deviceOccurredAt };
  if (deviceOccurredAt <= receivedAt + FUTURE_TOLERANCE_MS) return { occurredAt: deviceOccurredAt, deviceOccurredAt: null };
  return { occurredAt: receivedAt, deviceOccurredAt };
}

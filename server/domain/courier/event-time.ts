/**
 * When a courier's event happened, as the server will record it. The phone's clock is kept as
 * evidence, but an event is never placed after the moment the server received it: a phone
 * whose clock runs days ahead would otherwise put a delivery that has not happened yet on the
 * timeline, and lateness and KPIs would read it.
 */

/** How far past receipt a device time is still believed (network time on phones drifts by seconds). */
export const FUTURE_TOLERANCE_MS = 60_000;

export interface EventTime {
  /** The time to record and reason with. */
  occurredAt: number;
  /** The phone's own reading when it was not believed; null when it was used as it is. */
  deviceOccurredAt: number | null;
}

/**
 * `sentAt` is the phone's clock at sending, so `sentAt − receivedAt` measures how far it runs
 * ahead; taking that lead off places an event made offline an hour ago an hour before receipt,
 * not at receipt. Whatever the estimate, it is never later than receipt.
 */
export function eventTimeOf(deviceOccurredAt: number, sentAt: number, receivedAt: number): EventTime {
  if (deviceOccurredAt <= receivedAt + FUTURE_TOLERANCE_MS) return { occurredAt: deviceOccurredAt, deviceOccurredAt: null };
  const lead = Math.max(0, sentAt - receivedAt);
  return { occurredAt: Math.min(deviceOccurredAt - lead, receivedAt), deviceOccurredAt };
}

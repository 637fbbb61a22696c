/**
 * A parcel is late when it missed its promised day: delivered after the promise, or not
 * delivered and the promise has passed. No promise, never late.
 */
export function isLate(promisedBy: number | null, deliveredAt: number | null, now: number): boolean {
  if (promisedBy == null) return false;
  return (deliveredAt ?? now) > promisedBy;
}

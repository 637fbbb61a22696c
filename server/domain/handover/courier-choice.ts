/** A courier who serves the parcel's district, with the stops they hold now. */
export interface CourierCandidate {
  id: number;
  openStops: number;
}

/**
 * Which of the district's couriers takes a parcel: the one with the fewest open stops, so a
 * hand-over spreads the day's work; on a tie the oldest account (lowest id), so the answer is
 * stable. Null when nobody serves the district.
 */
export function chooseCourier(candidates: readonly CourierCandidate[]): number | null {
  let best: CourierCandidate | null = null;
  for (const c of candidates) {
    if (!best || c.openStops < best.openStops || (c.openStops === best.openStops && c.id < best.id)) best = c;
  }
  return best?.id ?? null;
}

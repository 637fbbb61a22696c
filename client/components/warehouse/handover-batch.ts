import type { HandoverQueue } from '../../../shared/api/warehouse';

type Parcel = HandoverQueue['parcels'][number];

/** The waiting parcel a scanned label belongs to (tracking numbers compared without case or spaces). */
export function parcelForScan(parcels: readonly Parcel[], raw: string): Parcel | null {
  const code = raw.replace(/\s+/g, '').toUpperCase();
  return parcels.find((parcel) => parcel.trackingNo.toUpperCase() === code) ?? null;
}

/** Who the batch suggests: the courier most of its parcels' areas have, or null when none has one. */
export function suggestedCourierId(batch: readonly Parcel[]): number | null {
  const votes = new Map<number, number>();
  for (const parcel of batch) if (parcel.suggestedCourier) votes.set(parcel.suggestedCourier.id, (votes.get(parcel.suggestedCourier.id) ?? 0) + 1);
  let best: number | null = null;
  for (const [id, count] of votes) if (best === null || count > votes.get(best)!) best = id;
  return best;
}

import { z } from 'zod';
import { PICKUP_POINT_TYPES, type PickupPlace } from '../courier/pickup-point';

/** A pickup place as stored (shipments.pickup_place, tracking_events.pickup_place), checked when a row is read. */
export const storedPickupPlaceSchema: z.ZodType<PickupPlace> = z.object({
  type: z.enum(PICKUP_POINT_TYPES),
  name: z.string(),
  address: z.string(),
  keepUntil: z.number(),
});

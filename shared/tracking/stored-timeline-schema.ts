import { z } from 'zod';
import type { PublicTrackingEvent } from '../api/tracking-view';
import { TRACKING_STATUSES } from './statuses';

/**
 * The public timeline a shipment keeps as JSON (newest first), checked when a row is read.
 * Server side only: the tracking endpoint splices the stored text into its answer unparsed.
 */
export const publicTimelineSchema: z.ZodType<PublicTrackingEvent[]> = z.array(
  z.object({
    status: z.enum(TRACKING_STATUSES),
    subStatus: z.string(),
    occurredAt: z.number(),
    place: z.object({ province: z.string().nullable(), city: z.string().nullable() }),
    reasonCode: z.string().nullable(),
  }),
);

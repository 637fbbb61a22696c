import { z } from 'zod';
import { TRACKING_STATUSES } from '../tracking/statuses';

/**
 * Third-party carriers: staff's connection form (`/api/ops/carriers`) and the generic JSON
 * push a carrier sends (`/api/carriers/:carrierCode/events`).
 */

const printable = /^[^\u0000-\u001f\u007f]*$/;

export const CARRIER_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export const createCarrierRequestSchema = z.strictObject({
  /** Lower-case letters, digits, - and _ (it appears in the push URLs): `sf`, `zto`. */
  code: z.string().trim().regex(CARRIER_CODE_PATTERN, 'lower-case letters, digits, - or _, up to 32'),
  name: z.string().trim().min(1).max(60).regex(printable, 'must not contain control characters'),
  /** Shared with the carrier; it signs the carrier's pushes. At least 16 characters. */
  secret: z.string().min(16).max(200).regex(printable, 'must not contain control characters'),
  kuaidi100Salt: z.string().min(1).max(200).regex(printable, 'must not contain control characters').optional(),
});
export type CreateCarrierRequest = z.input<typeof createCarrierRequestSchema>;

export interface CarrierView {
  code: string;
  name: string;
  active: boolean;
  kuaidi100: boolean;
  createdAt: number;
}

/** At most this many events in one push: a bigger history is sent in several. */
export const MAX_CARRIER_EVENTS_PER_PUSH = 500;

/** The envelope; each event is checked on its own (carrierEventSchema) so one bad event does not sink the rest. */
export const carrierPushSchema = z.strictObject({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_CARRIER_EVENTS_PER_PUSH),
});

/** ISO-8601 with a zone (`2026-12-05T10:12:00+08:00`, `…Z`) or epoch milliseconds. */
export const occurredAtSchema = z.union([
  z.number().int().min(0).max(8_640_000_000_000),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'ISO-8601 with a time zone').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real time'),
]);

export const carrierEventSchema = z.object({
  eventId: z.string().min(1).max(100).regex(printable),
  trackingNo: z.string().min(1).max(40),
  status: z.enum(TRACKING_STATUSES),
  subStatus: z.string().max(40).optional(),
  occurredAt: occurredAtSchema,
  place: z.object({ province: z.string().max(40).nullable().optional(), city: z.string().max(40).nullable().optional() }).optional(),
  description: z.string().max(500).optional(),
});
export type CarrierEventBody = z.infer<typeof carrierEventSchema>;

export type CarrierEventOutcome = 'applied' | 'duplicate' | 'recorded_late' | 'recorded' | 'rejected';

/** One answer per pushed event, in the order sent. */
export interface CarrierEventResult {
  eventId: string;
  outcome: CarrierEventOutcome;
  /** Why rejected, or (for `recorded`) why the status was kept. */
  code?: string;
}

export const carrierEventResultSchema = z.object({
  eventId: z.string(),
  outcome: z.enum(['applied', 'duplicate', 'recorded_late', 'recorded', 'rejected']),
  code: z.string().optional(),
});

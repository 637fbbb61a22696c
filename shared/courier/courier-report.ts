import { z } from 'zod';
import { MAX_KEEP_HOURS, PICKUP_ADDRESS_MAX, PICKUP_NAME_MAX, PICKUP_POINT_TYPES, pickupPointProblems } from './pickup-point';

/**
 * What a courier reports about a stop, as it travels from the phone's outbox to
 * `POST /api/courier/sync`. Every report carries its own id (made on the phone), the time it
 * happened on the phone, a per-device sequence number and the shipment version it was made
 * against, so the server can apply it exactly once and in the order it was made.
 */
export const REPORT_KINDS = ['picked_up', 'out_for_delivery', 'delivered', 'at_pickup_point', 'failed_attempt', 'exception'] as const;
export type ReportKindName = (typeof REPORT_KINDS)[number];

export const MAX_REPORTS_PER_SYNC = 100;
export const MAX_PHOTOS_PER_REPORT = 3;

/** Text a person typed: no control characters (PostgreSQL refuses NUL; nothing needs the rest). */
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'must not contain control characters');
const int32 = (min: number) => z.number().int().min(min).max(2_147_483_647);

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a UUID');
/** Epoch ms within a sane range (2020 to 2100): a phone with a dead clock says 1970. */
const epochMs = z.number().int().min(Date.UTC(2020, 0, 1)).max(Date.UTC(2100, 0, 1));

/** Where an `at_pickup_point` report left the parcel (shared/courier/pickup-point.ts has the rules). */
export const pickupPointReportSchema = z
  .strictObject({
    type: z.enum(PICKUP_POINT_TYPES),
    code: z.string().max(16),
    name: z.string().max(PICKUP_NAME_MAX * 2),
    address: z.string().max(PICKUP_ADDRESS_MAX * 2),
    keepHours: z.number().int().min(1).max(MAX_KEEP_HOURS).optional(),
  })
  .superRefine((point, ctx) => {
    for (const problem of pickupPointProblems(point)) ctx.addIssue({ code: 'custom', path: [problem.field], message: `${problem.code}: ${problem.message}` });
  });

export const courierReportSchema = z
  .strictObject({
    id: uuid,
    deviceId: uuid,
    seq: int32(1),
    trackingNo: text(32).min(1),
    kind: z.enum(REPORT_KINDS),
    occurredAt: epochMs,
    shipmentVersion: int32(1),
    reasonCode: text(40).min(1).optional(),
    note: text(500).optional(),
    recipientName: text(50).min(1).optional(),
    photoIds: z.array(uuid).max(MAX_PHOTOS_PER_REPORT).optional(),
    signatureId: uuid.optional(),
    pickupPoint: pickupPointReportSchema.optional(),
  })
  // The pickup point belongs to a drop at a locker or station, and such a drop needs one.
  .refine((report) => (report.kind === 'at_pickup_point') === (report.pickupPoint !== undefined), {
    path: ['pickupPoint'],
    message: 'pickup_point_mismatch: a drop at a locker or station says where (type, code, name, address), and only such a drop does',
  });
export type CourierReport = z.infer<typeof courierReportSchema>;

export const syncRequestSchema = z.strictObject({
  /**
   * The phone's clock when it sent the batch: the server compares it with its own to spot a
   * wrong clock, so any value is accepted (a phone just restarted may think it is 1970).
   */
  sentAt: z.number().int().min(0),
  reports: z.array(courierReportSchema).min(1).max(MAX_REPORTS_PER_SYNC),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const SYNC_OUTCOMES = ['applied', 'duplicate', 'conflict', 'rejected'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

export interface SyncResult {
  id: string;
  outcome: SyncOutcome;
  /** Machine-readable why: `applied`, `already_applied`, `reassigned`, `already_delivered`, `unknown_reason`, … */
  code: string;
  message: string;
  /** The shipment's version after this report (applied) or as the server has it (conflict). */
  shipmentVersion: number | null;
}

export interface SyncResponse {
  results: SyncResult[];
  serverTime: number;
  /** Set when the phone's clock is off by more than the tolerance; its reports are flagged. */
  clockSkewMs: number | null;
}

import { z } from 'zod';
import type { NextAction } from '../courier/delivery-reasons';
import { CATEGORY_LABELS, type ReturnPolicy } from '../returns/return-policy';
import type { LocalizedText, TrackingStatus } from '../tracking/statuses';

/**
 * The ops desk (`/api/ops/exceptions`, `/api/ops/couriers`, `/api/ops/stops`, `/api/ops/settings`):
 * request schemas the server validates with, and the shapes it answers with. The ops face imports
 * the types; the bounds are exported so its forms can say them before the server refuses.
 */

const text = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, 'must not contain control characters');
const shopDayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');
const version = z.number().int().min(1).max(2_147_483_647);
const trackingNo = z.string().trim().min(1).max(32);

// ── Open exceptions ────────────────────────────────────────────────────────────────────────

/**
 * What staff can do about a parcel stuck in Exception. Each is an event in the tracking log:
 * - `reattempt_tomorrow`: back to the delivery station, on the next day's round (InTransit);
 * - `contact_customer`: stays in Exception, the log records that the shop is contacting them;
 * - `return_to_sender`: on its way back to the shop (InTransit, returning to the sender).
 */
export const EXCEPTION_ACTIONS = ['reattempt_tomorrow', 'contact_customer', 'return_to_sender'] as const;
export type ExceptionAction = (typeof EXCEPTION_ACTIONS)[number];

export const exceptionActionRequestSchema = z.strictObject({
  action: z.enum(EXCEPTION_ACTIONS),
  /** For staff only: never shown to the customer. */
  note: text(300).default(''),
  /** The shipment version the desk was looking at; a stale one is a 409. */
  version,
});
export type ExceptionActionRequest = z.input<typeof exceptionActionRequestSchema>;

export interface OpenExceptionView {
  trackingNo: string;
  /** When it went into Exception (the first event of the current Exception run). */
  since: number;
  /** now − since, at the moment the list was built. */
  ageMs: number;
  status: 'Exception';
  subStatus: string;
  /** The reason the courier or carrier gave (shared/courier/delivery-reasons.ts), if any. */
  reasonCode: string | null;
  reasonLabel: LocalizedText | null;
  /** What the reason taxonomy says should happen next; null when no reason was given. */
  nextAction: NextAction | null;
  /** The desk action that carries that next action out (hold and review → contact the customer). */
  suggestedAction: ExceptionAction;
  /** When staff last recorded contacting the customer about this exception, if they have. */
  customerContactedAt: number | null;
  courier: { id: number; name: string } | null;
  destinationCity: string;
  /** Masked (张*): the desk needs to recognise the parcel, not to read the address book. */
  recipientName: string;
  version: number;
}

/** `GET /api/ops/exceptions`: oldest first. */
export interface OpenExceptionList {
  now: number;
  /** How many are open; the list holds the oldest 500 of them. */
  total: number;
  exceptions: OpenExceptionView[];
}

/** `POST /api/ops/exceptions/:trackingNo/actions`: the shipment after the event. */
export interface ExceptionActionResult {
  trackingNo: string;
  action: ExceptionAction;
  status: TrackingStatus;
  subStatus: string;
  version: number;
  occurredAt: number;
}

// ── Couriers ──────────────────────────────────────────────────────────────────────────────

/** `from`/`to` are shop days, both included; without them, the last 7 days up to today. */
export const courierFiguresQuerySchema = z.strictObject({
  from: shopDayString.optional(),
  to: shopDayString.optional(),
});
export type CourierFiguresQuery = z.input<typeof courierFiguresQuerySchema>;

/** The longest range the figures are computed over. */
export const MAX_FIGURES_RANGE_DAYS = 366;

export interface CourierFiguresView {
  id: number;
  name: string;
  phone: string;
  city: string;
  active: boolean;
  /** Delivery-leg parcels this courier delivered in the range. */
  delivered: number;
  /**
   * Of the parcels this courier delivered in the range, the share delivered without a failed
   * attempt before (0–1); null when they delivered none.
   */
  firstAttemptRate: number | null;
  /** Exception events this courier reported in the range. */
  exceptions: number;
  /** Deliveries and pickups assigned to them and not yet finished, now. */
  openStops: number;
}

export interface CourierFiguresList {
  from: string;
  to: string;
  couriers: CourierFiguresView[];
}

export interface CourierStopView {
  kind: 'delivery' | 'pickup';
  trackingNo: string;
  status: TrackingStatus;
  subStatus: string;
  version: number;
  routePosition: number | null;
  destinationCity: string;
  district: string;
  /** Masked. */
  recipientName: string;
  promisedBy: number | null;
  /** For a pickup: the return it collects. */
  returnNo: string | null;
}

/** `GET /api/ops/couriers/:id/stops`. */
export interface CourierStopList {
  courier: { id: number; name: string; city: string; active: boolean };
  /** How many open stops they hold; the list has the first 500 in route order. */
  total: number;
  stops: CourierStopView[];
}

export const reassignRequestSchema = z.strictObject({
  trackingNo,
  toCourierId: z.number().int().positive().max(2_147_483_647),
  version,
  /** Why, for the desk's own record (never shown to the customer or the couriers). */
  note: text(300).default(''),
});
export type ReassignRequest = z.input<typeof reassignRequestSchema>;

/** `POST /api/ops/stops/reassign`. */
export interface ReassignResult {
  trackingNo: string;
  from: { id: number; name: string } | null;
  to: { id: number; name: string };
  version: number;
}

/** A courier the desk may move a stop to. */
export interface ReassignCandidate {
  id: number;
  name: string;
  city: string;
  /** They serve the stop's district: the sensible choice. Others can still take it. */
  servesArea: boolean;
  /** Deliveries and pickups they hold now. */
  openStops: number;
}

/** `GET /api/ops/stops/:trackingNo/candidates`: those who serve the stop's area first. */
export interface ReassignCandidateList {
  trackingNo: string;
  version: number;
  area: { city: string; district: string };
  /** The courier who has it now, if anyone. */
  current: { id: number; name: string } | null;
  couriers: ReassignCandidate[];
}

// ── Settings ──────────────────────────────────────────────────────────────────────────────

/**
 * Bounds of each setting. Seven days is the statutory floor for a no-reason return (PRC consumer
 * law art. 25); the rest keep a slip of the keyboard (a fee of ¥10,000) from reaching customers.
 */
export const SETTING_BOUNDS = {
  noReasonDays: { min: 7, max: 90 },
  qualityDays: { min: 7, max: 365 },
  returnShippingFeeFen: { min: 0, max: 20_000 },
  autoApproveLimitFen: { min: 0, max: 10_000_000 },
  shopExclusions: { max: 20 },
} as const;

export const SHOP_CATEGORIES = Object.keys(CATEGORY_LABELS) as [string, ...string[]];

const intIn = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

export const returnPolicySchema = z
  .strictObject({
    noReasonDays: intIn(SETTING_BOUNDS.noReasonDays),
    qualityDays: intIn(SETTING_BOUNDS.qualityDays),
    shopExclusions: z
      .array(z.strictObject({ category: z.enum(SHOP_CATEGORIES), when: z.enum(['always', 'unsealed']) }))
      .max(SETTING_BOUNDS.shopExclusions.max),
    returnShippingFeeFen: intIn(SETTING_BOUNDS.returnShippingFeeFen),
    autoApproveLimitFen: intIn(SETTING_BOUNDS.autoApproveLimitFen),
  })
  .refine((p) => p.qualityDays >= p.noReasonDays, { message: 'The quality window cannot be shorter than the no-reason window', path: ['qualityDays'] })
  .refine((p) => new Set(p.shopExclusions.map((e) => e.category)).size === p.shopExclusions.length, {
    message: 'Each category may be excluded once',
    path: ['shopExclusions'],
  });

export const proofOfDeliverySchema = z.strictObject({ photo: z.boolean(), recipientName: z.boolean(), signature: z.boolean() });
export type ProofOfDelivery = z.infer<typeof proofOfDeliverySchema>;

/** `PUT /api/ops/settings`: the whole of both settings (the form sends what it shows). */
export const settingsUpdateRequestSchema = z.strictObject({
  returnPolicy: returnPolicySchema,
  proofOfDelivery: proofOfDeliverySchema,
});
export type SettingsUpdateRequest = z.input<typeof settingsUpdateRequestSchema>;

/** `GET /api/ops/settings` and the answer to a PUT. */
export interface SettingsView {
  returnPolicy: ReturnPolicy;
  proofOfDelivery: ProofOfDelivery;
  /** The latest change to either; null while both are the defaults. */
  updatedAt: number | null;
  updatedBy: string | null;
}

export const SETTING_KEYS = ['return_policy', 'proof_of_delivery'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface SettingsChangeView {
  key: SettingKey;
  /** The value the setting took (ReturnPolicy or ProofOfDelivery). */
  value: ReturnPolicy | ProofOfDelivery;
  changedBy: string;
  changedAt: number;
}

export const settingsHistoryQuerySchema = z.strictObject({
  key: z.enum(SETTING_KEYS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** `GET /api/ops/settings/history`: newest first. */
export interface SettingsHistory {
  changes: SettingsChangeView[];
}

import { z } from 'zod';

/**
 * The ops dashboard's figures (GET /api/ops/kpis) and the process map (GET /api/ops/process-map).
 * The server validates queries with these schemas; the client imports only the types.
 *
 * Days are the shop's calendar days (config.shopTimeZone, Asia/Shanghai) written YYYY-MM-DD;
 * a range is inclusive at both ends. Times are epoch ms, durations ms, money integer fen.
 *
 * Percentiles are nearest-rank: the p-th percentile of n sorted values v[1..n] is
 * v[ceil(p/100 × n)] (so the median of 1,2,3,4 is 2, never an average of two values).
 * The endpoints read roll-ups that keep durations in log-scale buckets 4.4 % wide (16 per
 * doubling, from 1 s), so every medianMs/p90Ms they return is the geometric middle of the
 * bucket holding the nearest-rank value: within ±2.2 % of the exact figure, and 0 for anything
 * under a second (shared/analytics/duration-buckets.ts). Every count and rate is exact.
 *
 * "Delivered" means the shipment's first Delivered event, and "delivered at" that event's
 * occurred_at (the event log, not a column, so the roll-ups can be rebuilt from the log).
 *
 * Only delivery legs count as shipments (shipments.leg = 'delivery'); a return pickup's own
 * shipment is part of the return, not a parcel the shop sent.
 */

/** Longest range a report may cover, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;

const shopDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'must be a real calendar day');

/** Whole days from `from` to `to`, both included (1 when equal). */
export function rangeDays(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

const rangeFields = { from: shopDay, to: shopDay };

const checkRange = <T extends { from: string; to: string }>(r: T, ctx: z.RefinementCtx) => {
  if (r.from > r.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  else if (rangeDays(r.from, r.to) > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a range covers at most ${MAX_RANGE_DAYS} days` });
};

/** `?from=&to=`; anything else in the query is refused. */
export const kpiQuerySchema = z.strictObject(rangeFields).superRefine(checkRange);
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

/** `?from=&to=&courier=&city=`: courier is a courier id, city a destination city as stored (e.g. 上海市). */
export const processMapQuerySchema = z
  .strictObject({
    ...rangeFields,
    courier: z
      .string()
      .regex(/^[1-9]\d{0,9}$/, 'must be a courier id')
      .transform(Number)
      .refine((n) => n <= 2_147_483_647, 'must be a courier id')
      .optional(),
    city: z.string().trim().min(1).max(40).regex(/^[^\u0000-\u001f<>]*$/, 'must be a city name').optional(),
  })
  .superRefine(checkRange);
export type ProcessMapQuery = z.infer<typeof processMapQuerySchema>;

/** The tables of the dashboard that export as CSV: `GET /api/ops/kpis.csv?table=&from=&to=`. */
export const KPI_TABLES = ['daily', 'exceptions', 'stages', 'returns', 'feedback', 'fulfilment'] as const;
export type KpiTable = (typeof KPI_TABLES)[number];
export const kpiCsvQuerySchema = z.strictObject({ ...rangeFields, table: z.enum(KPI_TABLES) }).superRefine(checkRange);
export type KpiCsvQuery = z.infer<typeof kpiCsvQuerySchema>;

/**
 * The stages whose durations the dashboard shows, in process order. Each is measured per
 * shipment between two events of its log (first occurrence of each unless said otherwise):
 * - `ordered_to_picked_up`: shipment created → first InTransit event (the courier has it);
 * - `picked_up_to_out_for_delivery`: first InTransit → first OutForDelivery (line haul, hubs, station);
 * - `out_for_delivery_to_delivered`: first OutForDelivery → Delivered (the last mile, re-attempts included);
 * - `in_attempt_fail`: each AttemptFail event → the shipment's next event (one value per failed attempt);
 * - `in_exception`: each Exception event → the shipment's next event (one value per exception).
 * A shipment contributes to a stage only when both ends exist (a parcel still out is not counted).
 */
export const STAGES = ['ordered_to_picked_up', 'picked_up_to_out_for_delivery', 'out_for_delivery_to_delivered', 'in_attempt_fail', 'in_exception'] as const;
export type Stage = (typeof STAGES)[number];

export interface KpiTotals {
  /** Orders created in the range. */
  orders: number;
  /** Delivery shipments created in the range. */
  shipments: number;
  /** Delivery shipments first delivered in the range (whenever they were created). */
  delivered: number;
  /**
   * On-time rate, 0..1: among shipments delivered in the range that had a promise
   * (promised_by not null), the share delivered at or before promised_by. Null when none had one.
   */
  onTimeRate: number | null;
  /**
   * First-attempt rate, 0..1: among shipments delivered in the range, the share with no
   * AttemptFail event before their Delivered event. Null when nothing was delivered.
   */
  firstAttemptRate: number | null;
  /**
   * Exception events (every one, so a parcel excepted twice counts twice) of delivery shipments
   * that occurred in the range, per 100 delivery shipments created in the range. Null when no shipments.
   */
  exceptionsPer100: number | null;
  /** Return requests created in the range (any status) ÷ shipments delivered in the range, 0..∞. Null when nothing was delivered. */
  returnRate: number | null;
  /** Refunds that succeeded (completed_at) in the range: total fen and how many. */
  refundsFen: number;
  refundCount: number;
  /** Mean CSAT (1–5) of feedback created in the range; null when none. */
  csat: number | null;
  csatCount: number;
  /** NPS of feedback created in the range with an NPS answer: % promoters (9–10) − % detractors (0–6), −100..100; null when none. */
  nps: number | null;
  npsCount: number;
}

/** One shop day. Same definitions as KpiTotals, each restricted to that day. */
export interface KpiDay {
  day: string;
  orders: number;
  shipments: number;
  delivered: number;
  /** Delivered that day with a promise. */
  promised: number;
  /** Of those, delivered by the promise. */
  onTime: number;
  /** onTime ÷ promised, null when promised = 0. */
  onTimeRate: number | null;
  /** Delivered that day with no failed attempt before. */
  firstAttempt: number;
  /** firstAttempt ÷ delivered, null when delivered = 0. */
  firstAttemptRate: number | null;
  /** Exception events that day. */
  exceptions: number;
  /** Return requests created that day. */
  returns: number;
  refundsFen: number;
  /** Mean CSAT of feedback created that day, null when none. */
  csatMean: number | null;
  /** NPS of that day's feedback with an NPS answer, null when none. */
  nps: number | null;
}

export interface ExceptionReasonRow {
  /** The exception's reason code (delivery reason taxonomy), or its Exception_00n sub-status when none was given. */
  reasonCode: string;
  /** Exception events with this reason in the range. */
  count: number;
  /** count per 100 shipments created in the range; null when no shipments. */
  per100: number | null;
}

export interface StageTimeRow {
  stage: Stage;
  /** Nearest-rank median and 90th percentile; null when count = 0. */
  medianMs: number | null;
  p90Ms: number | null;
  /** How many durations: one per shipment (one per occurrence for the two in_… stages). */
  count: number;
}

export interface ReturnReasonRow {
  reasonCode: string;
  count: number;
}

export interface FeedbackCategoryDayRow {
  day: string;
  category: string;
  count: number;
}

/**
 * Stage times are over delivery shipments delivered in the range (the same cohort as
 * on-time and first-attempt), so a slow range shows up when its parcels arrive.
 */
export interface KpiReport {
  range: { from: string; to: string };
  totals: KpiTotals;
  /** Every day of the range, oldest first, zeros included. */
  daily: KpiDay[];
  /** Most frequent first. */
  exceptionsByReason: ExceptionReasonRow[];
  /** In STAGES order, every stage present. */
  stageTimes: StageTimeRow[];
  /** Most frequent first. */
  returnReasons: ReturnReasonRow[];
  /** By day then category. */
  feedbackCategoriesByDay: FeedbackCategoryDayRow[];
}

/** A tracking status as a node of the process map. */
export interface ProcessNode {
  status: string;
  /** Events with this status in the map's shipments. */
  count: number;
}

export interface ProcessEdge {
  from: string;
  to: string;
  /** Times a shipment's event with status `from` was directly followed by one with status `to`. */
  count: number;
  /** Nearest-rank median and p90 of the time between the two events (bucketed: ±2.2 %, see above). */
  medianMs: number;
  p90Ms: number;
  /**
   * Goes back to an earlier stage of the process (PROCESS_STAGE_ORDER in shared/analytics/process-map.ts): AttemptFail → OutForDelivery,
   * Exception → InTransit, and any other step backwards. Self-loops (InTransit → InTransit,
   * one hub to the next) are not rework.
   */
  rework: boolean;
  /** The edge with the highest median among edges with count ≥ max(5, 0.1 % of all transitions); at most one. */
  slowest: boolean;
}

/**
 * The directly-follows graph of the event log: for delivery shipments created in the range
 * with at least one event (optionally only those of one courier, and/or to one destination
 * city), each pair of consecutive events of a shipment (ordered by occurred_at, then id) is
 * one transition `status → next status`. Nodes are statuses, in process order
 * (PROCESS_STAGE_ORDER in shared/analytics/process-map.ts). A shipment belongs to the courier
 * it had when its latest event was recorded (a re-assigned stop moves with its next event).
 */
export interface ProcessMap {
  range: { from: string; to: string };
  filters: { courier: number | null; city: string | null };
  /** Shipments in the map (created in the range, with at least one event). */
  shipments: number;
  /**
   * Orders whose steps before the parcel are on the map (OrderPlaced → Paid → Picked → Packed →
   * HandedOver, or → Cancelled; see shared/analytics/order-path.ts): orders created in the range,
   * to the city filter's city when one is given. Absent with a courier filter: those steps come
   * before any courier has the parcel, so a courier's map shows only the delivery.
   */
  orders?: number;
  nodes: ProcessNode[];
  /** Most frequent first. */
  edges: ProcessEdge[];
}

/**
 * The order-side figures of a range (GET /api/ops/kpis/fulfilment?from=&to=, and the CSV table
 * `fulfilment`). Cohorts:
 * - payment conversion and order-to-ship: orders placed (created) in the range;
 * - pick accuracy: pick scans made in the range;
 * - stock-outs and turnover: stock-ledger rows written in the range.
 */
export interface FulfilmentKpis {
  /** Orders created in the range. */
  ordersPlaced: number;
  /** Of those, paid (whenever). */
  ordersPaid: number;
  /** Of those, still waiting for payment inside their deadline (pay_by in the future, or none): not decided yet. */
  ordersPendingInDeadline: number;
  /** ordersPaid ÷ (ordersPlaced − ordersPendingInDeadline), 0..1; null when none decided. */
  paymentConversion: number | null;
  /**
   * Paid → first hand-over of a delivery parcel, or → packed for an order not handed over yet
   * (nearest-rank median and p90 over the orders that got that far; null when none).
   */
  orderToShip: { medianMs: number | null; p90Ms: number | null; count: number };
  /** Pick scans in the range: all of them, and those with outcome `picked`. */
  pickScans: number;
  pickScansPicked: number;
  /** pickScansPicked ÷ pickScans (wrong items and repeated scans are misses); null without scans. */
  pickAccuracy: number | null;
  /**
   * SKU × warehouse pairs whose available stock (on hand − reserved) reached 0 in the range,
   * read from the stock ledger's balances after each change (every change is there, unlike
   * low-stock alerts, which fire only when crossing a threshold).
   */
  stockOuts: number;
  /** Units that left the shelves in parcels in the range: −Σ on_hand_delta of ledger rows of kind `shipment`. */
  unitsShipped: number;
  /** Mean over the range's days of all SKUs' on hand at each day's end (from the ledger). */
  averageOnHand: number;
  /** unitsShipped ÷ averageOnHand for the range (not annualised); null when nothing was on hand. */
  inventoryTurnover: number | null;
}

import { z } from 'zod';

/**
 * The warehouse face's API (`/api/warehouse/…`, product document 4c): pick waves made from paid
 * orders, scans, short picks, packing with labels, and hand-over to an own courier or a
 * carrier. A `warehouse` worker works in the warehouse of their account; ops staff may call
 * the same endpoints with `?warehouse=<code>`.
 */

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const WAVE_STATUSES = ['open', 'picked', 'packed'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export const waveSummarySchema = z.object({
  id: z.number().int(),
  waveNo: z.string(),
  warehouse: z.object({ code: z.string(), name: localized }),
  status: z.enum(WAVE_STATUSES),
  orderCount: z.number().int(),
  unitCount: z.number().int(),
  pickedUnits: z.number().int(),
  shortUnits: z.number().int(),
  createdAt: z.number().int(),
});
export type WaveSummary = z.infer<typeof waveSummarySchema>;

/** GET /api/warehouse/waves */
export const waveListSchema = z.object({
  warehouse: z.object({ code: z.string(), name: localized }),
  /** Paid orders (or their lines from this warehouse) in no wave yet. */
  ordersReady: z.number().int(),
  waves: z.array(waveSummarySchema),
});
export type WaveListView = z.infer<typeof waveListSchema>;

/** POST /api/warehouse/waves → 201 WaveView; 409 `no_orders_ready` when nothing is waiting. */
export const createWaveSchema = z.strictObject({
  /** The most orders one walk takes (oldest paid first). */
  maxOrders: z.number().int().min(1).max(100).default(20),
});
export type CreateWaveRequest = z.input<typeof createWaveSchema>;

/** One stop on the walk: a SKU in a bin, with the orders it is for. Sorted by bin. */
export const pickStopSchema = z.object({
  sku: z.string(),
  name: localized,
  barcode: z.string().nullable(),
  bin: z.string(),
  quantity: z.number().int(),
  pickedQuantity: z.number().int(),
  shortQuantity: z.number().int(),
  orders: z.array(z.object({ orderNo: z.string(), pickLineId: z.number().int(), quantity: z.number().int() })),
});
export type PickStop = z.infer<typeof pickStopSchema>;

/** GET /api/warehouse/waves/:waveNo */
export const waveViewSchema = z.object({
  wave: waveSummarySchema,
  stops: z.array(pickStopSchema),
  /** The wave's orders and where each stands: picking, ready to pack, packed, held. */
  orders: z.array(
    z.object({
      orderNo: z.string(),
      state: z.enum(['picking', 'ready_to_pack', 'packed', 'held', 'cancelled']),
      units: z.number().int(),
    }),
  ),
});
export type WaveView = z.infer<typeof waveViewSchema>;

/** POST /api/warehouse/waves/:waveNo/scans — every scan is kept (pick accuracy). */
export const pickScanSchema = z.strictObject({ barcode: z.string().trim().min(1).max(64) });
export type PickScanRequest = z.input<typeof pickScanSchema>;
export const pickScanResultSchema = z.object({
  /** `wrong_item`: not on this wave's list (or all of it picked already); nothing was picked. */
  outcome: z.enum(['picked', 'wrong_item', 'already_picked']),
  stop: pickStopSchema.nullable(),
  wave: waveSummarySchema,
});
export type PickScanResult = z.infer<typeof pickScanResultSchema>;

/**
 * POST /api/warehouse/waves/:waveNo/shorts — the shelf holds fewer than the list says. The
 * missing units are written off by a count adjustment through the stock ledger; each order
 * short of them is re-allocated to another warehouse that has them, or held. Never shipped short.
 */
export const shortPickSchema = z.strictObject({
  sku: z.string().min(1).max(64),
  /** How many of the stop's still-unpicked units are really on the shelf (0: none). */
  foundQuantity: z.number().int().min(0),
});
export type ShortPickRequest = z.input<typeof shortPickSchema>;
export const shortPickResultSchema = z.object({
  countDocumentNo: z.string(),
  orders: z.array(z.object({ orderNo: z.string(), outcome: z.enum(['reallocated', 'held', 'unaffected']) })),
  wave: waveSummarySchema,
});
export type ShortPickResult = z.infer<typeof shortPickResultSchema>;

/** GET /api/warehouse/orders/:orderNo/packing — what goes in the box from this warehouse. */
export const packingViewSchema = z.object({
  orderNo: z.string(),
  state: z.enum(['picking', 'ready_to_pack', 'packed', 'held', 'cancelled']),
  lines: z.array(z.object({ sku: z.string(), name: localized, barcode: z.string().nullable(), quantity: z.number().int() })),
  /** Sum of the catalogue weights, to compare with the scale. */
  expectedWeightGrams: z.number().int().nullable(),
  shipments: z.array(z.object({ trackingNo: z.string() })),
});
export type PackingView = z.infer<typeof packingViewSchema>;

/**
 * POST /api/warehouse/orders/:orderNo/pack → 201 {shipment, label}: checks the lines scanned into
 * the box against the order's lines from this warehouse (409 `lines_mismatch` with the
 * differences), records the weight, creates the shipment with its tracking number; the order is
 * `shipped` once every warehouse of a split order has packed its part.
 */
export const packOrderSchema = z.strictObject({
  lines: z.array(z.strictObject({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(10_000) })).min(1).max(200),
  weightGrams: z.number().int().min(1).max(100_000),
});
export type PackOrderRequest = z.input<typeof packOrderSchema>;

const labelAddress = z.object({ name: z.string(), phone: z.string(), province: z.string(), city: z.string(), district: z.string(), street: z.string() });

/** What a 100 × 150 mm label prints: no full phone number on it (masked 138****8000). */
export const shippingLabelSchema = z.object({
  trackingNo: z.string(),
  orderNo: z.string(),
  /** What the QR holds: the public tracking page's address. */
  trackingUrl: z.string(),
  sender: labelAddress,
  recipient: labelAddress,
  weightGrams: z.number().int().nullable(),
  /** Sorting code printed big (destination city / district), as Chinese labels carry 大头笔. */
  sortCode: z.string(),
  packedAt: z.number().int(),
  itemCount: z.number().int(),
});
export type ShippingLabel = z.infer<typeof shippingLabelSchema>;

export const packResultSchema = z.object({
  shipment: z.object({ trackingNo: z.string(), status: z.string() }),
  label: shippingLabelSchema,
  orderStatus: z.string(),
});
export type PackResult = z.infer<typeof packResultSchema>;

/** GET /api/warehouse/shipments/:trackingNo/label → ShippingLabel (reprint). */

/** GET /api/warehouse/handover — packed parcels waiting to leave, with who should take each. */
export const handoverQueueSchema = z.object({
  parcels: z.array(
    z.object({
      trackingNo: z.string(),
      orderNo: z.string(),
      destination: z.object({ province: z.string(), city: z.string(), district: z.string() }),
      weightGrams: z.number().int().nullable(),
      /** The own courier serving the district, when there is one; else a carrier takes it. */
      suggestedCourier: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    }),
  ),
  couriers: z.array(z.object({ id: z.number().int(), name: z.string() })),
  carriers: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type HandoverQueue = z.infer<typeof handoverQueueSchema>;

/**
 * POST /api/warehouse/handover — the hand-over scan: each parcel goes to an own courier (on
 * their manifest in route order; `courierId` omitted = the one serving its district) or to a
 * carrier (揽收, an InTransit event). One event per parcel; one result per parcel.
 */
export const handoverSchema = z.strictObject({
  trackingNos: z.array(z.string().min(1).max(40)).min(1).max(200),
  to: z.union([
    z.strictObject({ kind: z.literal('courier'), courierId: z.number().int().positive().optional() }),
    z.strictObject({ kind: z.literal('carrier'), carrierCode: z.string().min(1).max(64) }),
  ]),
});
export type HandoverRequest = z.input<typeof handoverSchema>;
export const handoverResultSchema = z.object({
  results: z.array(
    z.object({
      trackingNo: z.string(),
      outcome: z.enum(['handed_over', 'already_handed_over', 'not_found', 'no_courier_for_area']),
      courier: z.object({ id: z.number().int(), name: z.string() }).nullable(),
      carrierCode: z.string().nullable(),
    }),
  ),
});
export type HandoverResult = z.infer<typeof handoverResultSchema>;

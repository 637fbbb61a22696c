import type { AnalyticsTables } from './schema-analytics';
import type { FeedbackTables } from './schema-feedback';
import type { FeedbackModelTables } from './schema-feedback-models';
import type { OpsDeskTables } from './schema-ops-desk';
import type { OrdersTables } from './schema-orders';
import type { FulfilmentTables } from './schema-fulfilment';
import type { WebhookTables } from './schema-webhooks';
import type { ReplenishmentTables } from './schema-replenishment';
import type { Generated } from 'kysely';

export type * from './schema-orders';
export type * from './schema-fulfilment';
export type * from './schema-replenishment';

/**
 * Table shapes as Kysely sees them. Columns are snake_case; each repository maps rows to
 * camelCase domain objects. Times are epoch milliseconds (UTC) in BIGINT columns: portable
 * between SQLite and PostgreSQL, sortable, and cheap to subtract for stage durations.
 * Money is integer fen.
 */
export interface CustomerTable {
  id: Generated<number>;
  name: string;
  phone: string;
  created_at: number;
}

export interface ProductTable {
  id: Generated<number>;
  sku: string;
  name: string;
  category: string;
  price_fen: number;
  name_en: Generated<string>;
  barcode: Generated<string | null>;
  weight_grams: Generated<number | null>;
  updated_at: Generated<number>;
}

export interface OrderTable {
  id: Generated<number>;
  order_no: string;
  customer_id: number;
  status: string;
  items_total_fen: number;
  discount_fen: number;
  shipping_fen: number;
  /** What the customer pays (items − discount + shipping), paid or still due. */
  paid_total_fen: number;
  /** 0 while not paid (the column predates unpaid orders; see the 2026-12-05-90 migration). */
  paid_at: number;
  recipient_name: string;
  recipient_phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  created_at: number;
  /** Where the address is (WGS-84 degrees), approximate; null when unknown. Orders the courier's round. */
  lat: Generated<number | null>;
  lng: Generated<number | null>;
  /** The payment deadline of an order waiting to be paid; null on orders from before. */
  pay_by: Generated<number | null>;
  cancelled_at: Generated<number | null>;
  cancel_reason: Generated<string | null>;
  /** The shop API key that sent the order in; null for the demo's history. */
  api_key_id: Generated<number | null>;
  updated_at: Generated<number>;
  /** When the last of its lines was picked, and when its last parcel was packed. */
  picked_at: Generated<number | null>;
  packed_at: Generated<number | null>;
  /** Held after a short pick no warehouse could make good; null when not held. */
  held_at: Generated<number | null>;
  hold_reason: Generated<string | null>;
  /**
   * 1 when its facts (paid, picked, packed, handed over, cancelled) changed since the analytics
   * roll-ups last folded it; new orders start at 1 (migration 95, see ORDER_FACTS_CHANGED).
   */
  analytics_dirty: Generated<number>;
}

export interface OrderItemTable {
  id: Generated<number>;
  order_id: number;
  product_id: number;
  quantity: number;
  unit_price_fen: number;
  /** Where the line ships from; null on lines from before warehouses. */
  warehouse_id: Generated<number | null>;
}

export interface CourierTable {
  id: Generated<number>;
  name: string;
  phone: string;
  password_hash: string;
  city: string;
  active: number;
  created_at: number;
  /** Where the courier's round starts (their station); null: from the middle of their stops. */
  depot_lat: Generated<number | null>;
  depot_lng: Generated<number | null>;
  /** The shop day (YYYY-MM-DD) their open stops were last put in route order for. */
  route_day: Generated<string | null>;
}

/** A district a courier serves, named as addresses name it (深圳市, 南山区). */
export interface CourierAreaTable {
  courier_id: number;
  city: string;
  district: string;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  email: string;
  password_hash: string;
  role: string;
  created_at: number;
  /** The warehouse a `warehouse` worker works in; null for ops staff. */
  warehouse_id: Generated<number | null>;
}

export interface ShipmentTable {
  id: Generated<number>;
  tracking_no: string;
  order_id: number;
  courier_id: number | null;
  status: string;
  sub_status: string;
  /** Bumped on every change, so an offline report can say which state it was made against. */
  version: number;
  origin_province: string;
  origin_city: string;
  destination_province: string;
  destination_city: string;
  promised_by: number | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
  /**
   * Read model: the public events (PublicTrackingEvent[], newest first) as JSON, derived from
   * tracking_events and rewritten with every event in the same transaction. Only
   * recordTrackingEvent (and the demo fill) write events, so only they maintain it.
   */
  public_timeline: Generated<string>;
  /** Where it was packed; null for parcels from before warehouses (the demo's first history). */
  warehouse_id: Generated<number | null>;
  weight_grams: Generated<number | null>;
  packed_by: Generated<number | null>;
  /** The third-party carrier that took it at hand-over (揽收); null: an own courier, or not handed over yet. */
  carrier_code: Generated<string | null>;
  handed_over_at: Generated<number | null>;
  /** Order on the courier's manifest (dispatch sets it); null sorts last. */
  route_position: number | null;
  /** First reached the recipient or a pickup point they can use (Delivered or AvailableForPickup). */
  arrived_at: number | null;
  /** JSON DeliveryInstructions from the verified customer, shown on the courier's stop. */
  delivery_instructions: string | null;
  /** JSON AttemptChoice: the customer's choice after a failed attempt (another day, or collect it). */
  attempt_choice: Generated<string | null>;
  /** `delivery` to the customer, or `return` (a pickup going back to the shop). */
  leg: Generated<string>;
  /** For a return leg: the return request it carries. */
  return_id: number | null;
  /** JSON PickupPlace (locker or station, name, address, keep-until; never the code) of the latest drop there. */
  pickup_place: Generated<string | null>;
}

export interface TrackingEventTable {
  id: Generated<number>;
  shipment_id: number;
  status: string;
  sub_status: string;
  /** When it happened, on the device that saw it. */
  occurred_at: number;
  /** When the server learned of it. */
  recorded_at: number;
  province: string | null;
  city: string | null;
  reason_code: string | null;
  actor_type: string;
  actor_id: number | null;
  note: string | null;
  recipient_name: string | null;
  photo_id: string | null;
  /** The upload holding the receiver's signature, when the courier took one (uploads.id). */
  signature_id: Generated<string | null>;
  /** The courier report this event came from, if any (courier_reports.id). */
  report_id: string | null;
  device_seq: number | null;
  /** How far the reporting phone's clock was off, when past the tolerance; null when fine. */
  clock_skew_ms: number | null;
  /** The phone's own time for the event when it lay in the future and was not believed (then `occurred_at` ≤ `recorded_at`); null when it was used. */
  device_occurred_at: number | null;
  /** For an event a third-party carrier pushed: its code and the carrier's own event id (unique together). */
  carrier_code: Generated<string | null>;
  carrier_event_id: Generated<string | null>;
  /** For a drop at a locker or station: the code that opens it (verified customer only). */
  pickup_code: Generated<string | null>;
  /** For a drop at a locker or station: JSON PickupPlace, as on the shipment. */
  pickup_place: Generated<string | null>;
}

export interface CustomerSessionTable {
  id: Generated<number>;
  token_hash: string;
  order_id: number;
  created_at: number;
  expires_at: number;
}

export interface VerifyAttemptTable {
  id: Generated<number>;
  shipment_id: number;
  client_key: string;
  succeeded: number;
  attempted_at: number;
  stage: Generated<AttemptStage>;
}

export interface UserSessionTable {
  id: Generated<number>;
  token_hash: string;
  role: string;
  user_id: number;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  login: string;
  client_key: string;
  succeeded: number;
  attempted_at: number;
  stage: Generated<AttemptStage>;
}

/**
 * `pending`: recorded, not yet past the address limits (counts against its address only);
 * `admitted`: past them, its secret about to be checked; `checked`: compared. Admitted and
 * checked failures count against the account or parcel.
 */
export type AttemptStage = 'pending' | 'admitted' | 'checked';

/** An account's or parcel's one-at-a-time turn while it is guessed at from many addresses. */
export interface AttemptTurnTable {
  /** `login:<login>` or `parcel:<shipment id>`. */
  subject: string;
  last_turn_at: number;
}

/** A browser that proved the secret of a subject before (its device cookie, hashed). */
export interface KnownDeviceTable {
  token_hash: string;
  subject: string;
  created_at: number;
}

export interface CourierReportTable {
  id: string;
  courier_id: number;
  device_id: string;
  device_seq: number;
  body_hash: string;
  tracking_no: string;
  kind: string;
  occurred_at: number;
  received_at: number;
  outcome: string;
  code: string;
  message: string;
  shipment_version: number | null;
}

export interface UploadTable {
  id: string;
  courier_id: number;
  stored_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  shipment_id: number | null;
  created_at: number;
  /** The phone's own key for the photo (idempotency), unique per courier; NULL before 2026-12-04. */
  client_key: string | null;
  /** sha256 of the bytes as sent; `sha256` is of the stored re-encoding. */
  received_sha256: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: number;
  updated_by: string | null;
}

export interface ReturnRequestTable {
  id: Generated<number>;
  return_no: string;
  order_id: number;
  shipment_id: number;
  status: string;
  reason_code: string;
  reason_detail: string;
  item_condition: string;
  method: string;
  pickup_slot_start: number | null;
  pickup_slot_end: number | null;
  dropoff_code: string | null;
  note: string | null;
  /** JSON string[] of customer_uploads ids. */
  photo_ids: string;
  /** JSON RefundBreakdown the customer was shown. */
  quote: string;
  quote_fen: number;
  /** JSON RefundBreakdown of the accepted units, once inspected. */
  settlement: string | null;
  /** JSON string[]: why a person must review it. */
  review_reasons: string;
  decision_note: string | null;
  return_shipment_id: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ReturnItemTable {
  id: Generated<number>;
  return_id: number;
  order_item_id: number;
  quantity: number;
  accepted_quantity: number | null;
  damaged_quantity: number | null;
}

export interface ReturnEventTable {
  id: Generated<number>;
  return_id: number;
  status: string;
  occurred_at: number;
  actor_type: string;
  actor_id: number | null;
  /** Only what a person wrote. */
  note: string | null;
  /** What the system did, as a ReturnEventFact code; null for an ordinary move. */
  fact: string | null;
  /** For a failed pickup: the courier's reason, from the delivery reason taxonomy. */
  reason_code: string | null;
}

export interface ParcelClaimTable {
  id: Generated<number>;
  claim_no: string;
  order_id: number;
  shipment_id: number;
  kind: string;
  status: string;
  note: string | null;
  decision_note: string | null;
  resend_shipment_id: number | null;
  created_at: number;
  decided_at: number | null;
  decided_by: number | null;
}

export interface RefundTable {
  id: Generated<number>;
  order_id: number;
  return_id: number | null;
  claim_id: number | null;
  idempotency_key: string;
  amount_fen: number;
  /** `pending` until the provider confirms, then `succeeded`. */
  status: string;
  provider: string;
  provider_reference: string | null;
  /** Working days the provider said its money usually takes to arrive; null before 2026-12-05. */
  arrival_min_days: number | null;
  arrival_max_days: number | null;
  requested_by: number | null;
  created_at: number;
  completed_at: number | null;
}

export interface SimulatedProviderRefundTable {
  idempotency_key: string;
  reference: string;
  order_no: string;
  amount_fen: number;
  created_at: number;
}

export interface CustomerUploadTable {
  id: string;
  order_id: number;
  stored_name: string;
  content_type: string;
  byte_size: number;
  sha256: string;
  created_at: number;
  /** The phone's own key for the photo (idempotency), unique per order; NULL before 2026-12-04. */
  client_key: string | null;
  /** sha256 of the bytes as sent; `sha256` is of the stored re-encoding. */
  received_sha256: string | null;
}

/**
 * Every table. Each feature since the ops console keeps its tables' interfaces in a file of
 * its own (schema-*.ts) and adds them here.
 */
export interface Database extends FeedbackTables, FeedbackModelTables, AnalyticsTables, OpsDeskTables, OrdersTables, FulfilmentTables, WebhookTables, ReplenishmentTables {
  customers: CustomerTable;
  products: ProductTable;
  orders: OrderTable;
  order_items: OrderItemTable;
  couriers: CourierTable;
  courier_areas: CourierAreaTable;
  staff: StaffTable;
  shipments: ShipmentTable;
  tracking_events: TrackingEventTable;
  customer_sessions: CustomerSessionTable;
  verify_attempts: VerifyAttemptTable;
  attempt_turns: AttemptTurnTable;
  known_devices: KnownDeviceTable;
  user_sessions: UserSessionTable;
  login_attempts: LoginAttemptTable;
  courier_reports: CourierReportTable;
  uploads: UploadTable;
  settings: SettingTable;
  return_requests: ReturnRequestTable;
  return_items: ReturnItemTable;
  return_events: ReturnEventTable;
  parcel_claims: ParcelClaimTable;
  refunds: RefundTable;
  simulated_provider_refunds: SimulatedProviderRefundTable;
  customer_uploads: CustomerUploadTable;
}

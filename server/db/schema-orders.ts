import type { Generated } from 'kysely';

/** A stock location: where it is and the provinces it ships to first (JSON array). */
export interface WarehouseTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  provinces: string;
  province: string;
  city: string;
  district: string;
  street: string;
  created_at: number;
  updated_at: number;
}

/** Stock of one SKU in one warehouse; available = on_hand − reserved (a CHECK keeps reserved ≤ on_hand). */
export interface StockLevelTable {
  id: Generated<number>;
  warehouse_id: number;
  product_id: number;
  on_hand: number;
  reserved: number;
  safety_stock: number;
  updated_at: number;
  /** Where it lies in the warehouse (A-01-03); '' when not placed yet. Pick lists walk by it. */
  bin: Generated<string>;
}

export type StockDocumentKind = 'receipt' | 'count' | 'transfer';

/** The paper a batch of ledger rows belongs to: a receipt, a count, a transfer. */
export interface StockDocumentTable {
  id: Generated<number>;
  document_no: string;
  kind: StockDocumentKind;
  warehouse_id: number;
  to_warehouse_id: number | null;
  note: string | null;
  actor_type: string;
  actor_id: number | null;
  created_at: number;
}

/** One change to on hand or reserved of one SKU in one warehouse, with the balance after it. */
export interface StockLedgerTable {
  id: Generated<number>;
  warehouse_id: number;
  product_id: number;
  kind: string;
  on_hand_delta: number;
  reserved_delta: number;
  on_hand_after: number;
  reserved_after: number;
  reason: string | null;
  document_id: number | null;
  order_id: number | null;
  return_id: number | null;
  actor_type: string;
  actor_id: number | null;
  created_at: number;
}

export interface CouponTable {
  id: Generated<number>;
  code: string;
  kind: string;
  percent_off: number | null;
  amount_off_fen: number | null;
  threshold_fen: Generated<number>;
  starts_at: number | null;
  ends_at: number | null;
  total_limit: number | null;
  per_customer_limit: number | null;
  used_count: Generated<number>;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** One use of a coupon by one order (unique per coupon and order); given back when the order is cancelled unpaid. */
export interface CouponRedemptionTable {
  id: Generated<number>;
  coupon_id: number;
  order_id: number;
  customer_id: number;
  discount_fen: number;
  created_at: number;
  released_at: number | null;
}

/** A charge the provider took for an order (one per order). */
export interface PaymentTable {
  id: Generated<number>;
  order_id: number;
  provider: string;
  provider_reference: string;
  amount_fen: number;
  paid_at: number;
  created_at: number;
}

export interface SimulatedProviderChargeTable {
  idempotency_key: string;
  reference: string;
  order_no: string;
  amount_fen: number;
  created_at: number;
}

export interface PaymentNotificationTable {
  notification_id: string;
  provider: string;
  order_no: string;
  outcome: string;
  received_at: number;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  key_prefix: string;
  key_hash: string;
  scopes: Generated<string>;
  created_by: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  revoked_by: number | null;
}

export interface IdempotencyKeyTable {
  id: Generated<number>;
  api_key_id: number;
  idempotency_key: string;
  request_method: string;
  request_path: string;
  request_hash: string;
  state: 'in_flight' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: number;
  completed_at: number | null;
}

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** A message to a customer, due from next_attempt_at; the dedupe key makes each event told once. */
export interface NotificationTable {
  id: Generated<number>;
  dedupe_key: string;
  order_id: number | null;
  channel: string;
  recipient: string;
  template: string;
  params: string;
  body: string;
  status: NotificationStatus;
  attempts: Generated<number>;
  next_attempt_at: number;
  last_error: string | null;
  provider_reference: string | null;
  sent_at: number | null;
  created_at: number;
}

export interface SimulatedSmsMessageTable {
  id: Generated<number>;
  reference: string;
  recipient: string;
  body: string;
  created_at: number;
}

export interface OrderVerifyAttemptTable {
  id: Generated<number>;
  order_id: number;
  client_key: string;
  succeeded: number;
  attempted_at: number;
  stage: Generated<'pending' | 'admitted' | 'checked'>;
}

/** Available fell below safety stock; one open per SKU and warehouse, closed when restocked. */
export interface LowStockAlertTable {
  id: Generated<number>;
  warehouse_id: number;
  product_id: number;
  available_at_open: number;
  safety_stock: number;
  opened_at: number;
  closed_at: number | null;
}

/** Orders and stock (product document 4b). */
export interface OrdersTables {
  warehouses: WarehouseTable;
  stock_levels: StockLevelTable;
  stock_documents: StockDocumentTable;
  stock_ledger: StockLedgerTable;
  coupons: CouponTable;
  coupon_redemptions: CouponRedemptionTable;
  payments: PaymentTable;
  payment_notifications: PaymentNotificationTable;
  simulated_provider_charges: SimulatedProviderChargeTable;
  api_keys: ApiKeyTable;
  idempotency_keys: IdempotencyKeyTable;
  notifications: NotificationTable;
  simulated_sms_messages: SimulatedSmsMessageTable;
  order_verify_attempts: OrderVerifyAttemptTable;
  low_stock_alerts: LowStockAlertTable;
}

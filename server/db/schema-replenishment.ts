import type { Generated } from 'kysely';

export type ReceiptPlanStatus = 'open' | 'received';
export type TransferOrderStatus = 'in_transit' | 'received';

/** Units expected from the supplier; counted as "on order" while open. */
export interface ReceiptPlanTable {
  id: Generated<number>;
  plan_no: string;
  warehouse_id: number;
  product_id: number;
  quantity: number;
  expected_at: number;
  status: ReceiptPlanStatus;
  created_by: number | null;
  created_at: number;
  received_at: number | null;
  received_quantity: number | null;
  receipt_document_id: number | null;
}

/** Out of one warehouse at dispatch (transfer_out), in at the other at receipt (transfer_in). */
export interface TransferOrderTable {
  id: Generated<number>;
  transfer_no: string;
  from_warehouse_id: number;
  to_warehouse_id: number;
  product_id: number;
  quantity: number;
  status: TransferOrderStatus;
  created_by: number | null;
  dispatched_at: number;
  received_by: number | null;
  received_at: number | null;
}

export interface ReplenishmentTables {
  receipt_plans: ReceiptPlanTable;
  transfer_orders: TransferOrderTable;
}

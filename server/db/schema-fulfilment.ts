import type { Generated } from 'kysely';

/** A batch of paid orders one worker picks in one walk through a warehouse. */
export interface PickWaveTable {
  id: Generated<number>;
  wave_no: string;
  warehouse_id: number;
  /** open → picked (every line picked or short) → packed (every order packed or held). */
  status: 'open' | 'picked' | 'packed';
  created_by: number | null;
  created_at: number;
  picked_at: number | null;
  closed_at: number | null;
}

/** One order line in a wave; the pick list groups them by bin and SKU. */
export interface PickLineTable {
  id: Generated<number>;
  wave_id: number;
  order_id: number;
  order_item_id: number;
  product_id: number;
  bin: string;
  quantity: number;
  picked_quantity: Generated<number>;
  short_quantity: Generated<number>;
  picked_at: number | null;
}

/** Every scan in a wave, right or wrong: pick accuracy is picked scans over all scans. */
export interface PickScanTable {
  id: Generated<number>;
  wave_id: number;
  pick_line_id: number | null;
  barcode: string;
  outcome: 'picked' | 'wrong_item' | 'already_picked';
  staff_id: number | null;
  scanned_at: number;
}

/** A third-party carrier the shop hands parcels to (揽收); its secret signs the events it pushes. */
export interface CarrierTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** HMAC-SHA256 key of its generic JSON pushes (kept as given: it must be usable to verify). */
  secret: string;
  /** The aggregator's salt for Kuaidi100-style pushes (sign = MD5(param + salt)); null: none. */
  kuaidi100_salt: string | null;
  active: Generated<number>;
  created_at: number;
}

/** From shelf to doorstep (product document 4c). */
export interface FulfilmentTables {
  carriers: CarrierTable;
  pick_waves: PickWaveTable;
  pick_lines: PickLineTable;
  pick_scans: PickScanTable;
}

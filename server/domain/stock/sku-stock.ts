import type { Kysely } from 'kysely';
import type { SkuStockView } from '../../../shared/api/shop';
import { notFound } from '../../app-error';
import type { Database } from '../../db/schema';

/** A SKU's stock in every warehouse that has a row for it (available = on hand − reserved). */
export async function loadSkuStock(db: Kysely<Database>, sku: string): Promise<SkuStockView> {
  const product = await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
  if (!product) throw notFound('sku_not_found', `No SKU ${sku} in the catalog`);
  const rows = await db
    .selectFrom('stock_levels as s')
    .innerJoin('warehouses as w', 'w.id', 's.warehouse_id')
    .select(['w.code', 's.on_hand', 's.reserved', 's.safety_stock'])
    .where('s.product_id', '=', product.id)
    .orderBy('w.code')
    .execute();
  return {
    sku,
    warehouses: rows.map((r) => ({ warehouse: r.code, onHand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved, safetyStock: r.safety_stock })),
  };
}

import type { Kysely, Selectable } from 'kysely';
import type { PutProductRequest, ProductView } from '../../../shared/api/shop';
import type { Database, ProductTable } from '../../db/schema';

/** A SKU of the shop's catalog, as the shop API and the ops face show it. */
export interface Product extends ProductView {
  id: number;
}

export function toProduct(row: Selectable<ProductTable>): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: { 'zh-CN': row.name, en: row.name_en || row.name },
    category: row.category,
    priceFen: row.price_fen,
    barcode: row.barcode,
    weightGrams: row.weight_grams,
  };
}

export function productView({ id: _id, ...view }: Product): ProductView {
  return view;
}

export async function findProduct(db: Kysely<Database>, sku: string): Promise<Product | null> {
  const row = await db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
  return row ? toProduct(row) : null;
}

/** The products of these SKUs, by SKU; unknown SKUs are simply absent. */
export async function findProductsBySku(db: Kysely<Database>, skus: readonly string[]): Promise<Map<string, Product>> {
  if (skus.length === 0) return new Map();
  const rows = await db.selectFrom('products').selectAll().where('sku', 'in', skus).execute();
  return new Map(rows.map((row) => [row.sku, toProduct(row)]));
}

export async function findProductByBarcode(db: Kysely<Database>, barcode: string): Promise<Product | null> {
  const row = await db.selectFrom('products').selectAll().where('barcode', '=', barcode).executeTakeFirst();
  return row ? toProduct(row) : null;
}

/** Creates or replaces a SKU; true when it was new. A barcode another SKU has is the caller's to refuse first. */
export async function upsertProduct(db: Kysely<Database>, sku: string, product: PutProductRequest, now: number): Promise<{ created: boolean; product: Product }> {
  const values = {
    name: product.name['zh-CN'],
    name_en: product.name.en,
    category: product.category,
    price_fen: product.priceFen,
    barcode: product.barcode ?? null,
    weight_grams: product.weightGrams ?? null,
    updated_at: now,
  };
  const existing = await db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
  if (existing) await db.updateTable('products').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('products').values({ sku, ...values }).execute();
  return { created: !existing, product: (await findProduct(db, sku))! };
}

export async function listProducts(db: Kysely<Database>, options: { query?: string; limit: number; offset: number }): Promise<Product[]> {
  let q = db.selectFrom('products').selectAll().orderBy('sku').limit(options.limit).offset(options.offset);
  if (options.query) {
    const like = `%${options.query.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('sku', 'like', like), eb('name', 'like', like), eb('name_en', 'like', like), eb('barcode', '=', options.query!)]));
  }
  return (await q.execute()).map(toProduct);
}

/** The SKUs that hold these barcodes now, by barcode. */
export async function findBarcodeHolders(db: Kysely<Database>, barcodes: readonly string[]): Promise<Map<string, string>> {
  if (barcodes.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['sku', 'barcode']).where('barcode', 'in', barcodes).execute();
  return new Map(rows.map((r) => [r.barcode!, r.sku]));
}

/**
 * Takes these barcodes off these SKUs, so an import that moves a barcode from one of its SKUs
 * to another can write them in any order under the unique index (each SKU gets its own back).
 */
export async function releaseBarcodes(trx: Kysely<Database>, skus: readonly string[], barcodes: readonly string[]): Promise<void> {
  if (skus.length === 0 || barcodes.length === 0) return;
  await trx.updateTable('products').set({ barcode: null }).where('sku', 'in', skus).where('barcode', 'in', barcodes).execute();
}

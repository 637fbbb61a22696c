import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { PutWarehouseRequest, WarehouseView } from '../../../shared/api/shop';
import { notFound } from '../../app-error';
import { parseJsonColumn } from '../../db/json-column';
import type { Database, WarehouseTable } from '../../db/schema';

export interface Warehouse extends WarehouseView {
  id: number;
}

const provincesColumn = z.array(z.string());

export function toWarehouse(row: Selectable<WarehouseTable>): Warehouse {
  return {
    id: row.id,
    code: row.code,
    name: { 'zh-CN': row.name_zh, en: row.name_en },
    provinces: parseJsonColumn(provincesColumn, row.provinces, 'warehouses.provinces'),
    address: { province: row.province, city: row.city, district: row.district, street: row.street },
  };
}

export function warehouseView({ id: _id, ...view }: Warehouse): WarehouseView {
  return view;
}

export async function listWarehouses(db: Kysely<Database>): Promise<Warehouse[]> {
  return (await db.selectFrom('warehouses').selectAll().orderBy('code').execute()).map(toWarehouse);
}

export async function findWarehouse(db: Kysely<Database>, code: string): Promise<Warehouse | null> {
  const row = await db.selectFrom('warehouses').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toWarehouse(row) : null;
}

export async function requireWarehouse(db: Kysely<Database>, code: string): Promise<Warehouse> {
  const warehouse = await findWarehouse(db, code);
  if (!warehouse) throw notFound('warehouse_not_found', `No warehouse ${code}: create it with PUT /api/shop/warehouses/${code}`);
  return warehouse;
}

/** Creates or replaces a warehouse by its code; true when it was new. */
export async function upsertWarehouse(db: Kysely<Database>, code: string, warehouse: PutWarehouseRequest, now: number): Promise<{ created: boolean; warehouse: Warehouse }> {
  const values = {
    name_zh: warehouse.name['zh-CN'],
    name_en: warehouse.name.en,
    provinces: JSON.stringify([...new Set(warehouse.provinces ?? [])]),
    ...warehouse.address,
    updated_at: now,
  };
  const existing = await db.selectFrom('warehouses').select('id').where('code', '=', code).executeTakeFirst();
  if (existing) await db.updateTable('warehouses').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('warehouses').values({ code, ...values, created_at: now }).execute();
  return { created: !existing, warehouse: (await findWarehouse(db, code))! };
}

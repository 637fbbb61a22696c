import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/courier/manifest';
import { badRequest, forbidden } from '../../app-error';
import type { Database } from '../../db/schema';
import { findStaffById } from '../auth/account-repository';
import { findWarehouse, toWarehouse, type Warehouse } from '../catalog/warehouse-repository';

/**
 * The warehouse a request works in: a worker's own (from their account, never from the
 * request), or for ops staff the one named by `?warehouse=<code>` (400 when missing or unknown).
 */
export async function resolveWarehouse(db: Kysely<Database>, user: SessionUser, code: string | undefined): Promise<Warehouse> {
  if (user.role === 'warehouse') {
    const staff = await findStaffById(db, user.id);
    const row = staff?.warehouseId == null ? null : await db.selectFrom('warehouses').selectAll().where('id', '=', staff.warehouseId).executeTakeFirst();
    if (!row) throw forbidden('no_warehouse', 'This account works in no warehouse');
    return toWarehouse(row);
  }
  if (!code) throw badRequest('warehouse_required', 'Name the warehouse: ?warehouse=<code>');
  const warehouse = await findWarehouse(db, code);
  if (!warehouse) throw badRequest('unknown_warehouse', `No warehouse ${code}`);
  return warehouse;
}

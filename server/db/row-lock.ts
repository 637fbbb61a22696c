import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Locks an order's row until the transaction ends, so two after-sales changes to one order
 * (two returns taking the last unit, two refunds of the remainder) run one after the other.
 * PostgreSQL needs FOR UPDATE; SQLite has one writer and Kysely one connection, so a
 * transaction there is already alone.
 */
export async function lockOrder(trx: Kysely<Database>, orderId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom('orders').select('id').where('id', '=', orderId).forUpdate().execute();
}

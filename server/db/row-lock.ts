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

/**
 * Locks a shipment's row until the transaction ends. Whatever touches a return pickup and its
 * return takes the shipment first, as the courier's sync does, so a cancellation and a pickup
 * report arriving together wait for each other instead of deadlocking (PostgreSQL only, as above).
 */
export async function lockShipment(trx: Kysely<Database>, shipmentId: number): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom('shipments').select('id').where('id', '=', shipmentId).forUpdate().execute();
}

/**
 * Whether queue reads in a claiming transaction should lock what they find and pass over rows
 * another claimer holds (`FOR UPDATE SKIP LOCKED`), so claimers on several instances share out
 * the queue instead of waiting on one another. PostgreSQL only: SQLite has one writer.
 */
export function canSkipLocked(trx: Kysely<Database>): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}

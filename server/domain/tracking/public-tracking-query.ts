import { PostgresAdapter, type CompiledQuery, type Kysely } from 'kysely';
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { Database } from '../../db/schema';

/**
 * The tracking view is the hottest read in the product (every open page, every refresh, every
 * SMS link), so it is one indexed point read: the shipment, its destination city and its
 * events aggregated to JSON in the same statement. The statement is compiled once per
 * database and reused with the tracking number swapped in, which saves Kysely rebuilding and
 * recompiling the same SQL on every request.
 */
export interface PublicTrackingRecord {
  id: number;
  tracking_no: string;
  order_id: number;
  status: string;
  sub_status: string;
  version: number;
  origin_province: string;
  origin_city: string;
  promised_by: number | null;
  delivered_at: number | null;
  created_at: number;
  updated_at: number;
  courier_id: number | null;
  destination_province: string;
  destination_city: string;
  events: Array<{
    id: number;
    status: string;
    sub_status: string;
    occurred_at: number;
    province: string | null;
    city: string | null;
    reason_code: string | null;
  }>;
}

const PLACEHOLDER = '\u0000tracking_no\u0000';
const compiledByDb = new WeakMap<Kysely<Database>, CompiledQuery<unknown>>();

function compile(db: Kysely<Database>): CompiledQuery<unknown> {
  const jsonArrayFrom = db.getExecutor().adapter instanceof PostgresAdapter ? pgJsonArrayFrom : sqliteJsonArrayFrom;
  return db
    .selectFrom('shipments as s')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .selectAll('s')
    .select(['o.province as destination_province', 'o.city as destination_city'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('tracking_events as e')
          .select(['e.id', 'e.status', 'e.sub_status', 'e.occurred_at', 'e.province', 'e.city', 'e.reason_code'])
          .whereRef('e.shipment_id', '=', 's.id')
          .orderBy('e.occurred_at', 'desc')
          .orderBy('e.id', 'desc'),
      ).as('events'),
    )
    .where('s.tracking_no', '=', PLACEHOLDER)
    .compile();
}

export async function findPublicTrackingRecord(
  db: Kysely<Database>,
  trackingNo: string,
): Promise<PublicTrackingRecord | null> {
  let compiled = compiledByDb.get(db);
  if (!compiled) {
    compiled = compile(db);
    compiledByDb.set(db, compiled);
  }
  const parameters = compiled.parameters.map((p) => (p === PLACEHOLDER ? trackingNo : p));
  const { rows } = await db.executeQuery<Record<string, unknown>>({ ...compiled, parameters });
  const row = rows[0];
  if (!row) return null;
  // SQLite hands the aggregate back as JSON text; node-postgres has already parsed it.
  const events = typeof row.events === 'string' ? JSON.parse(row.events) : row.events;
  return { ...(row as unknown as PublicTrackingRecord), events };
}

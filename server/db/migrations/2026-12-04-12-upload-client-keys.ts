import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Upload ids were chosen by the phone, so a
// customer could land a row on a courier photo's id and a 409 told a stranger an id existed.
// The server now makes every id; the phone's own key for a photo becomes an idempotency key,
// unique per uploader (the courier, or the order a verified customer uploads for), so a retried
// upload finds its first answer and two uploaders never meet. `received_sha256` is the hash of
// the bytes as sent (the stored file is a re-encoding): the same key with other bytes is refused.
// Rows from before have no key (NULL), and NULLs never clash in a unique index.

type AnyDb = Kysely<any>;

const OWNERS = [
  { table: 'uploads', owner: 'courier_id' },
  { table: 'customer_uploads', owner: 'order_id' },
] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const { table, owner } of OWNERS) {
    await db.schema.alterTable(table).addColumn('client_key', 'text').execute();
    await db.schema.alterTable(table).addColumn('received_sha256', 'text').execute();
    await db.schema.createIndex(`${table}_client_key`).on(table).columns([owner, 'client_key']).unique().execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const { table } of OWNERS) {
    await db.schema.dropIndex(`${table}_client_key`).execute();
    await db.schema.alterTable(table).dropColumn('received_sha256').execute();
    await db.schema.alterTable(table).dropColumn('client_key').execute();
  }
}

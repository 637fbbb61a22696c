import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Guessing limits counted every attempt still
// being checked against the account or parcel, so a flood of parallel tries from one address
// could keep its owner out. Attempts now have a stage (pending → admitted past the address
// limits → checked), and only admitted or checked ones count against the subject; an account or
// parcel under a spread-out attack hands out its one-at-a-time turns through one row each,
// claimed atomically; and a browser that proved the secret before is remembered (OWASP's
// device cookie) so its owner is not made to wait behind the attackers.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Rows from before were all checked.
  await db.schema.alterTable('login_attempts').addColumn('stage', 'text', (c) => c.notNull().defaultTo('checked')).execute();
  await db.schema.alterTable('verify_attempts').addColumn('stage', 'text', (c) => c.notNull().defaultTo('checked')).execute();
  await db.schema
    .createTable('attempt_turns')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('last_turn_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('known_devices')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('known_devices_pkey', ['token_hash', 'subject'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('known_devices').execute();
  await db.schema.dropTable('attempt_turns').execute();
  await db.schema.alterTable('verify_attempts').dropColumn('stage').execute();
  await db.schema.alterTable('login_attempts').dropColumn('stage').execute();
}

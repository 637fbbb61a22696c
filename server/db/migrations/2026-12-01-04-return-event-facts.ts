import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. A return's history kept what the system did
// (approved by the rules, a pickup that failed and why, nothing left to refund) as text in the
// note meant for people's words, and the customer saw the codes. Those facts get columns of
// their own; the note is only ever what a person wrote.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('return_events').addColumn('fact', 'text').execute();
  await db.schema.alterTable('return_events').addColumn('reason_code', 'text').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('return_events').dropColumn('reason_code').execute();
  await db.schema.alterTable('return_events').dropColumn('fact').execute();
}

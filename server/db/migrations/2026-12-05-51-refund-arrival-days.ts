import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. When a refund is paid the provider says how
// many working days its money usually takes to reach the customer (原路退回 1–3 个工作日);
// kept with the refund so the customer can be told when to expect it. Refunds paid before
// have none (NULL) and show no estimate.

type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('refunds').addColumn('arrival_min_days', 'integer').execute();
  await db.schema.alterTable('refunds').addColumn('arrival_max_days', 'integer').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('refunds').dropColumn('arrival_max_days').execute();
  await db.schema.alterTable('refunds').dropColumn('arrival_min_days').execute();
}

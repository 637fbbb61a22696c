import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Staff's changes to settings, recorded with who made them.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(_db: AnyDb): Promise<void> {}

export async function down(_db: AnyDb): Promise<void> {}

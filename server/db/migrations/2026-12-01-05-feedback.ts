import type { Kysely } from 'kysely';

// Frozen in time: imports no application code. Feedback, follow-ups (customer call-backs).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(_db: AnyDb): Promise<void> {}

export async function down(_db: AnyDb): Promise<void> {}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Takes the subject's one-at-a-time turn if the last was at least `spacingMs` ago. One guarded
 * UPDATE decides it, so of two tries at once only one gets the turn (SQLite has one writer; on
 * PostgreSQL the second UPDATE re-reads the row after the first commits and no longer matches).
 */
export async function claimTurn(db: Kysely<Database>, subject: string, now: number, spacingMs: number): Promise<{ granted: true } | { granted: false; nextAt: number }> {
  await db.insertInto('attempt_turns').values({ subject, last_turn_at: now - spacingMs }).onConflict((oc) => oc.column('subject').doNothing()).execute();
  const taken = await db.updateTable('attempt_turns').set({ last_turn_at: now }).where('subject', '=', subject).where('last_turn_at', '<=', now - spacingMs).executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return { granted: true };
  const row = await db.selectFrom('attempt_turns').select('last_turn_at').where('subject', '=', subject).executeTakeFirstOrThrow();
  return { granted: false, nextAt: Number(row.last_turn_at) + spacingMs };
}

export async function isKnownDevice(db: Kysely<Database>, tokenHash: string, subject: string): Promise<boolean> {
  const row = await db.selectFrom('known_devices').select('created_at').where('token_hash', '=', tokenHash).where('subject', '=', subject).executeTakeFirst();
  return row !== undefined;
}

export async function rememberDevice(db: Kysely<Database>, tokenHash: string, subject: string, now: number): Promise<void> {
  await db.insertInto('known_devices').values({ token_hash: tokenHash, subject, created_at: now }).onConflict((oc) => oc.columns(['token_hash', 'subject']).doNothing()).execute();
}

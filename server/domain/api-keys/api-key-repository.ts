import type { Kysely } from 'kysely';
import { apiKeyScopesSchema, type ApiKeyScope, type ApiKeyView } from '../../../shared/api/api-keys';
import { parseJsonColumn } from '../../db/json-column';
import type { Database } from '../../db/schema';

interface ApiKeyRow {
  id: number;
  name: string;
  key_prefix: string;
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  created_by_name: string | null;
}

/** The one row → object mapper of api_keys (with the creator's name joined in). */
function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    scopes: parseJsonColumn(apiKeyScopesSchema, row.scopes, `api_keys.scopes #${row.id}`),
    createdAt: Number(row.created_at),
    createdBy: row.created_by_name,
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}

const listQuery = (db: Kysely<Database>) =>
  db
    .selectFrom('api_keys as k')
    .leftJoin('staff as s', 's.id', 'k.created_by')
    .select(['k.id', 'k.name', 'k.key_prefix', 'k.scopes', 'k.created_at', 'k.last_used_at', 'k.revoked_at', 's.name as created_by_name']);

export async function insertApiKey(
  db: Kysely<Database>,
  key: { name: string; prefix: string; hash: string; scopes: ApiKeyScope[]; createdBy: number | null; createdAt: number },
): Promise<number> {
  const row = await db
    .insertInto('api_keys')
    .values({ name: key.name, key_prefix: key.prefix, key_hash: key.hash, scopes: JSON.stringify(key.scopes), created_by: key.createdBy, created_at: key.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Newest first: the key just made is at the top, where staff look for it. */
export async function listApiKeyViews(db: Kysely<Database>): Promise<ApiKeyView[]> {
  const rows = await listQuery(db).orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').execute();
  return rows.map(toApiKeyView);
}

export async function findApiKeyView(db: Kysely<Database>, id: number): Promise<ApiKeyView | null> {
  const row = await listQuery(db).where('k.id', '=', id).executeTakeFirst();
  return row ? toApiKeyView(row) : null;
}

/** The key behind a presented key's hash, live or revoked (the caller tells them apart). */
export async function findApiKeyByHash(db: Kysely<Database>, hash: string): Promise<ApiKeyView | null> {
  const row = await listQuery(db).where('k.key_hash', '=', hash).executeTakeFirst();
  return row ? toApiKeyView(row) : null;
}

/** Sets the revocation once: a second revoke leaves the first time and who did it. */
export async function markApiKeyRevoked(db: Kysely<Database>, id: number, by: { staffId: number; at: number }): Promise<void> {
  await db.updateTable('api_keys').set({ revoked_at: by.at, revoked_by: by.staffId }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Records a use unless one was recorded less than `minGapMs` ago; the condition makes two racing requests write once. */
export async function markApiKeyUsed(db: Kysely<Database>, id: number, now: number, minGapMs: number): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', now - minGapMs)]))
    .execute();
}

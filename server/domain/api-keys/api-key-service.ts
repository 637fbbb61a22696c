import type { Kysely } from 'kysely';
import type { ApiKeyList, ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '../../../shared/api/api-keys';
import { createApiKeyRequestSchema } from '../../../shared/api/api-keys';
import { notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findApiKeyByHash, findApiKeyView, insertApiKey, listApiKeyViews, markApiKeyRevoked, markApiKeyUsed } from './api-key-repository';
import { hashApiKey, looksLikeApiKey, newApiKeySecret } from './api-key-secret';

/**
 * "Last used" is for staff deciding whether a key is still needed; to the minute is plenty,
 * and it spares a busy shop's every request a write.
 */
export const LAST_USED_PRECISION_MS = 60_000;

/** Makes a key; the answer holds the key itself, which is never stored nor shown again. */
export async function createApiKey(db: Kysely<Database>, request: CreateApiKeyRequest, by: { staffId: number | null; at: number }): Promise<CreatedApiKey> {
  const { name, scopes } = createApiKeyRequestSchema.parse(request);
  const secret = newApiKeySecret();
  const id = await insertApiKey(db, { name, prefix: secret.prefix, hash: secret.hash, scopes, createdBy: by.staffId, createdAt: by.at });
  return { id, name, key: secret.key, prefix: secret.prefix, scopes, createdAt: by.at };
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyList> {
  return { keys: await listApiKeyViews(db) };
}

/** Revokes a key at once for every request after; revoking it again changes nothing. */
export async function revokeApiKey(db: Kysely<Database>, id: number, by: { staffId: number; at: number }): Promise<ApiKeyView> {
  await markApiKeyRevoked(db, id, by);
  const key = await findApiKeyView(db, id);
  if (!key) throw notFound('api_key_not_found', `There is no API key ${id}`);
  return key;
}

/**
 * The live key a request presented, or null (unknown, malformed or revoked). Looked up by its
 * hash, so no comparison of secrets happens in this process to time. Notes the use.
 */
export async function authenticateApiKey(db: Kysely<Database>, presented: string, now: number): Promise<ApiKeyView | null> {
  if (!looksLikeApiKey(presented)) return null;
  const key = await findApiKeyByHash(db, hashApiKey(presented));
  if (!key || key.revokedAt !== null) return null;
  if (key.lastUsedAt === null || now - key.lastUsedAt >= LAST_USED_PRECISION_MS) {
    await markApiKeyUsed(db, key.id, now, LAST_USED_PRECISION_MS);
  }
  return key;
}

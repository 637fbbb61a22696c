import { z } from 'zod';

/**
 * Shop API keys as staff manage them (`/api/ops/api-keys`): the request schemas the server
 * validates with, and the shapes it answers with. The key itself travels once, in the answer
 * to its creation; a list only ever carries its first characters.
 */

/** What a key may be used for. One scope today (the shop API); the column holds a list so more can come. */
export const API_KEY_SCOPES = ['shop'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_NAME_MAX = 60;

export const createApiKeyRequestSchema = z.strictObject({
  /** Who the key is for ("小程序", "ERP"), so staff can tell which to revoke. */
  name: z
    .string()
    .trim()
    .min(1)
    .max(API_KEY_NAME_MAX)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters'),
  scopes: z
    .array(z.enum(API_KEY_SCOPES))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'each scope once')
    .default(['shop']),
});
export type CreateApiKeyRequest = z.input<typeof createApiKeyRequestSchema>;

/** The stored scopes column: read back through the same list of names. */
export const apiKeyScopesSchema = z.array(z.enum(API_KEY_SCOPES));

/** One key in staff's list: never the key, never its hash. */
export interface ApiKeyView {
  id: number;
  name: string;
  /** The key's first characters, to match a key in a shop's config with its row here. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: number;
  /** The staff member who made it; null for a key made outside the ops face (a script). */
  createdBy: string | null;
  /** Last request made with it, to the minute (see api-key-service). */
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeyList {
  keys: ApiKeyView[];
}

/** The answer to creating a key: the only time `key` is ever shown. */
export interface CreatedApiKey {
  id: number;
  name: string;
  key: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: number;
}

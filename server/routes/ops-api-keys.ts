import { Hono } from 'hono';
import { createApiKeyRequestSchema } from '../../shared/api/api-keys';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { createApiKey, listApiKeys, revokeApiKey } from '../domain/api-keys/api-key-service';
import { jsonBody, requireJsonContent } from '../http/json-body';

// A path that is not a key id names no key: the same 404 as an id that was never made.
const apiKeyId = (raw: string): number => {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw notFound('api_key_not_found', `There is no API key ${raw.slice(0, 20)}`);
  return id;
};

/** Staff make, list and revoke the shop's API keys (behind the ops guard in app.ts). */
export function opsApiKeyRoutes({ db, clock }: AppDeps) {
  return new Hono()
    .get('/', async (c) => c.json(await listApiKeys(db)))
    .post('/', requireJsonContent, jsonBody(createApiKeyRequestSchema), async (c) =>
      c.json(await createApiKey(db, c.req.valid('json'), { staffId: c.var.user.id, at: clock() }), 201),
    )
    .post('/:id/revoke', async (c) => c.json(await revokeApiKey(db, apiKeyId(c.req.param('id')), { staffId: c.var.user.id, at: clock() })));
}

import type { ApiKeyList, ApiKeyView, CreatedApiKey } from '../../shared/api/api-keys';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The shop's API keys (staff only). The key itself comes back once, from createApiKey. */

export async function listApiKeys(): Promise<ApiKeyList> {
  return (await okResponse(() => api.ops['api-keys'].$get())).json();
}

export async function createApiKey(name: string): Promise<CreatedApiKey> {
  return (await okResponse(() => api.ops['api-keys'].$post({ json: { name } }))).json();
}

export async function revokeApiKey(id: number): Promise<ApiKeyView> {
  return (await okResponse(() => api.ops['api-keys'][':id'].revoke.$post({ param: { id: String(id) } }))).json();
}

import type { SessionUser } from '../../shared/courier/manifest';
import { api } from './api-client';
import { okResponse } from './api-error';

/** 401 `invalid_credentials`, 429 `too_many_attempts`; the session itself is an HttpOnly cookie. */
export async function signIn(login: string, password: string): Promise<SessionUser> {
  const response = await okResponse(() => api.auth.login.$post({ json: { login, password } }));
  return (await response.json()).user;
}

export async function signOut(): Promise<void> {
  await okResponse(() => api.auth.logout.$post());
}

/** 401 `not_signed_in` once the session has expired or was revoked. */
export async function fetchSessionUser(): Promise<SessionUser> {
  const response = await okResponse(() => api.auth.me.$get());
  return response.json();
}

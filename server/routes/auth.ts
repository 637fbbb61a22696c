import { Hono } from 'hono';
import { loginRequestSchema } from '../../shared/api/auth';
import type { AppDeps } from '../app-deps';
import { unauthorized } from '../app-error';
import { findSessionUser, logIn, logOut } from '../domain/auth/auth-service';
import { clientAddress } from '../http/client-address';
import { deviceToken, setDeviceCookie } from '../http/device-cookie';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../http/session';

export function authRoutes({ db, clock, config }: AppDeps) {
  return new Hono()
    .post('/login', requireJsonContent, jsonBody(loginRequestSchema), async (c) => {
      const { login, password } = c.req.valid('json');
      const now = clock();
      const { token, user, deviceToken: device } = await logIn(db, { login, password, clientKey: clientAddress(c, config.trustProxy), deviceToken: deviceToken(c) }, now);
      setSessionCookie(c, token, user.expiresAt);
      setDeviceCookie(c, device, now);
      return c.json({ user });
    })
    .post('/logout', async (c) => {
      await logOut(db, sessionToken(c), clock());
      clearSessionCookie(c);
      return c.json({ ok: true as const });
    })
    .get('/me', async (c) => {
      const user = await findSessionUser(db, sessionToken(c), clock());
      if (!user) throw unauthorized('not_signed_in', 'Not signed in');
      return c.json(user);
    });
}

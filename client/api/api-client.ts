import { hc } from 'hono/client';
import type { ApiType } from '../../server/app';

/** The typed client: a renamed route or field on the server breaks this build, not the phone. */
export const api = hc<ApiType>('/api');

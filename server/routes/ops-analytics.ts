import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

/** The ops dashboard's figures and the process map, for staff. */
export function opsAnalyticsRoutes(_deps: AppDeps) {
  return new Hono();
}

import type { Context } from 'hono';
import { routePath } from 'hono/route';

/**
 * The pattern of the route that answered (`/api/track/:no`), not the path asked for
 * (`/api/track/DS123…`): logs and metrics keep identifiers such as tracking numbers out, and a
 * metric labelled by it has as many series as the app has routes, however many parcels there
 * are. Read after the handlers ran: Hono's route index then points at the one that answered (a
 * guard that refused, say `/api/ops/*`, or the `/api/*` catch-all for an unknown endpoint).
 */
export function routePatternOf(c: Context): string {
  return routePath(c) || 'unmatched';
}

import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { replenishmentSuggestions } from '../domain/replenishment/replenishment-suggestions';

/** Staff's replenishment (behind the ops guard in app.ts): forecasts and suggestions. */
export function opsReplenishmentRoutes({ db, clock, config }: AppDeps) {
  return new Hono().get('/replenishment', async (c) => c.json({ suggestions: await replenishmentSuggestions(db, clock(), config.shopTimeZone) }));
}

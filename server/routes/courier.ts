import { Hono } from 'hono';
import { syncRequestSchema } from '../../shared/courier/courier-report';
import type { AppDeps } from '../app-deps';
import { loadManifest } from '../domain/courier/manifest-service';
import { syncCourierReports } from '../domain/courier/sync-service';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { requireRole } from '../http/session';

export function courierRoutes({ db, clock, bus, config, metrics }: AppDeps) {
  return new Hono()
    .use(requireRole(db, clock, 'courier'))
    .get('/manifest', async (c) => {
      return c.json(await loadManifest(db, c.var.user.id, { now: clock(), timeZone: config.shopTimeZone }));
    })
    .post('/sync', requireJsonContent, jsonBody(syncRequestSchema), async (c) => {
      const { response, changedTrackingNos } = await syncCourierReports(db, c.var.user, c.req.valid('json'), clock(), config.shopTimeZone);
      // After the commit: open tracking pages read the new state.
      for (const trackingNo of changedTrackingNos) bus.publish(trackingNo);
      metrics?.countSyncOutcomes(response.results);
      return c.json(response);
    });
}

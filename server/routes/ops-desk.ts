import { Hono } from 'hono';
import {
  courierFiguresQuerySchema,
  exceptionActionRequestSchema,
  reassignRequestSchema,
  settingsHistoryQuerySchema,
  settingsUpdateRequestSchema,
} from '../../shared/api/ops-desk';
import type { AppDeps } from '../app-deps';
import { badRequest } from '../app-error';
import { loadCourierFigures } from '../domain/ops-desk/courier-figures';
import { listCourierStops } from '../domain/ops-desk/courier-stops';
import { takeExceptionAction } from '../domain/ops-desk/exception-action-service';
import { figuresRange } from '../domain/ops-desk/figures-range';
import { listOpenExceptions } from '../domain/ops-desk/open-exceptions';
import { reassignStop } from '../domain/ops-desk/stop-reassignment';
import { listReassignCandidates } from '../domain/ops-desk/reassign-candidates';
import { loadSettingsHistory, loadSettingsView, updateSettings } from '../domain/settings/settings-desk';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';

const courierId = (raw: string): number => {
  const id = Number(raw);
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw badRequest('invalid_courier_id', `${raw.slice(0, 20)} is not a courier id`);
  return id;
};

/** Staff's queues of open exceptions, couriers and their stops, and the shop's settings (behind the ops guard in app.ts). */
export function opsDeskRoutes({ db, clock, config, bus }: AppDeps) {
  return new Hono()
    .get('/exceptions', async (c) => c.json(await listOpenExceptions(db, clock())))
    .post('/exceptions/:trackingNo/actions', requireJsonContent, jsonBody(exceptionActionRequestSchema), async (c) => {
      const result = await takeExceptionAction(db, c.req.param('trackingNo'), c.req.valid('json'), c.var.user, clock());
      bus.publish(result.trackingNo);
      return c.json(result);
    })
    .get('/couriers', queryParams(courierFiguresQuerySchema), async (c) =>
      c.json(await loadCourierFigures(db, figuresRange(c.req.valid('query'), clock(), config.shopTimeZone))),
    )
    .get('/couriers/:id/stops', async (c) =>
      c.json(await listCourierStops(db, courierId(c.req.param('id')), { now: clock(), timeZone: config.shopTimeZone })),
    )
    .get('/stops/:trackingNo/candidates', async (c) => c.json(await listReassignCandidates(db, c.req.param('trackingNo'))))
    .post('/stops/reassign', requireJsonContent, jsonBody(reassignRequestSchema), async (c) =>
      c.json(await reassignStop(db, c.req.valid('json'), c.var.user, clock())),
    )
    .get('/settings', async (c) => c.json(await loadSettingsView(db)))
    .put('/settings', requireJsonContent, jsonBody(settingsUpdateRequestSchema), async (c) =>
      c.json(await updateSettings(db, c.req.valid('json'), c.var.user, clock())),
    )
    .get('/settings/history', queryParams(settingsHistoryQuerySchema), async (c) => c.json(await loadSettingsHistory(db, c.req.valid('query'))));
}

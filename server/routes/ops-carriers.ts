import { Hono } from 'hono';
import { createCarrierRequestSchema } from '../../shared/api/carriers';
import type { AppDeps } from '../app-deps';
import { conflict, notFound } from '../app-error';
import { carrierView, findCarrierByCode, insertCarrier, listCarriers, setCarrierActive } from '../domain/carriers/carrier-repository';
import { jsonBody, requireJsonContent } from '../http/json-body';

/** Staff connect third-party carriers (behind the ops guard in app.ts). Secrets go in, never out. */
export function opsCarrierRoutes({ db, clock }: AppDeps) {
  const setActive = async (code: string, active: boolean) => {
    if (!(await setCarrierActive(db, code, active))) throw notFound('carrier_not_found', `There is no carrier ${code.slice(0, 32)}`);
    return carrierView((await findCarrierByCode(db, code))!);
  };
  return new Hono()
    .get('/', async (c) => c.json({ carriers: (await listCarriers(db)).map(carrierView) }))
    .post('/', requireJsonContent, jsonBody(createCarrierRequestSchema), async (c) => {
      const body = c.req.valid('json');
      const added = await insertCarrier(db, { code: body.code, name: body.name, secret: body.secret, kuaidi100Salt: body.kuaidi100Salt ?? null }, clock());
      if (!added) throw conflict('carrier_exists', `There is already a carrier ${body.code}`);
      return c.json(carrierView((await findCarrierByCode(db, body.code))!), 201);
    })
    .post('/:code/deactivate', async (c) => c.json(await setActive(c.req.param('code'), false)))
    .post('/:code/activate', async (c) => c.json(await setActive(c.req.param('code'), true)));
}

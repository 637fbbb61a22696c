import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { createClaimRequestSchema, createReturnRequestSchema, returnQuoteRequestSchema } from '../../shared/api/returns';
import type { AppDeps } from '../app-deps';
import { createClaim } from '../domain/claims/claim-service';
import { requireCustomerReturn, requireVerifiedParcel } from '../domain/returns/customer-access';
import { requireReturn } from '../domain/returns/return-repository';
import { cancelReturn, createReturn, loadReturnOptions, quoteReturn } from '../domain/returns/return-service';
import { buildReturnView } from '../domain/returns/return-view';
import { loadReturnPolicy } from '../domain/settings/return-policy-repository';
import { parseTrackingNo } from '../domain/tracking/tracking-service';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';
import { parcelCookie, parcelTokens } from '../http/session';
import type { Context } from 'hono';

/** The verified customer's after-sales: returns of their parcel, and claims for a lost one. */
export function returnRoutes({ db, clock, bus, config }: AppDeps) {
  const verifiedParcel = (c: Context, rawTrackingNo: string) => {
    const trackingNo = parseTrackingNo(rawTrackingNo);
    return requireVerifiedParcel(db, { trackingNo, token: getCookie(c, parcelCookie(trackingNo)) }, clock());
  };
  const customerReturn = async (c: Context) => requireCustomerReturn(db, await requireReturn(db, c.req.param('returnNo')!), parcelTokens(c), clock());
  const facts = () => ({ now: clock(), timeZone: config.shopTimeZone });

  return new Hono()
    .get(
      '/options',
      queryParams(z.strictObject({ trackingNo: z.string().min(1).max(40) })),
      async (c) => c.json(await loadReturnOptions(db, await verifiedParcel(c, c.req.valid('query').trackingNo), facts())),
    )
    .post('/quote', requireJsonContent, jsonBody(returnQuoteRequestSchema), async (c) => {
      const input = c.req.valid('json');
      return c.json(await quoteReturn(db, await verifiedParcel(c, input.trackingNo), input, facts()));
    })
    .post('/', requireJsonContent, jsonBody(createReturnRequestSchema), async (c) => {
      const input = c.req.valid('json');
      return c.json(await createReturn(db, await verifiedParcel(c, input.trackingNo), input, facts()), 201);
    })
    .get('/:returnNo', async (c) => c.json(await buildReturnView(db, await customerReturn(c))))
    .post('/:returnNo/cancel', async (c) => {
      const { view, cancelledLeg } = await cancelReturn(db, await customerReturn(c), clock());
      if (cancelledLeg) bus.publish(cancelledLeg);
      return c.json(view);
    });
}

export function claimRoutes({ db, clock, config }: AppDeps) {
  return new Hono().post('/', requireJsonContent, jsonBody(createClaimRequestSchema), async (c) => {
    const input = c.req.valid('json');
    const trackingNo = parseTrackingNo(input.trackingNo);
    const shipment = await requireVerifiedParcel(db, { trackingNo, token: getCookie(c, parcelCookie(trackingNo)) }, clock());
    const policy = await loadReturnPolicy(db);
    return c.json(await createClaim(db, shipment, input, { now: clock(), timeZone: config.shopTimeZone, policy }), 201);
  });
}

import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { verifyRequestSchema } from '../../shared/api/verification';
import type { AppDeps } from '../app-deps';
import { getCustomerOrder, parseOrderNo, verifyOrderByPhoneLast4 } from '../domain/orders/customer-order-service';
import { clientAddress } from '../http/client-address';
import { deviceToken, setDeviceCookie } from '../http/device-cookie';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { orderCookie, parcelCookie, parcelTokens, setCustomerCookie } from '../http/session';

/**
 * The customer's order page (`/o/:orderNo`, linked from the order's text messages): its status
 * to anyone with the number, everything else to the customer who proves it is theirs with the
 * recipient phone's last 4 digits, here or on any of its parcels.
 */
export function customerOrderRoutes(deps: AppDeps) {
  const { db, clock, config } = deps;
  return new Hono()
    .get('/:orderNo', async (c) => {
      const orderNo = parseOrderNo(c.req.param('orderNo'));
      const ownToken = getCookie(c, orderCookie(orderNo));
      const view = await getCustomerOrder(db, { orderNo, tokens: [...(ownToken ? [ownToken] : []), ...parcelTokens(c)] }, clock());
      // A stale or revoked token: drop it so the page asks for the digits again.
      if (ownToken && !view.verified) deleteCookie(c, orderCookie(orderNo), { path: '/api' });
      // Personal data once verified, and it changes: never kept by a cache on the way.
      c.header('Cache-Control', 'no-store');
      return c.json(view);
    })
    .post('/:orderNo/verify', requireJsonContent, jsonBody(verifyRequestSchema), async (c) => {
      const orderNo = parseOrderNo(c.req.param('orderNo'));
      const now = clock();
      const { phoneLast4 } = c.req.valid('json');
      const result = await verifyOrderByPhoneLast4(db, { orderNo, phoneLast4, clientKey: clientAddress(c, config.trustProxy), deviceToken: deviceToken(c) }, now);
      setCustomerCookie(c, orderCookie(orderNo), result.token, result.expiresAt);
      // The session is the order's, so its parcels' pages open verified too (the order page links to them).
      for (const { trackingNo } of result.view.shipments) setCustomerCookie(c, parcelCookie(trackingNo), result.token, result.expiresAt);
      setDeviceCookie(c, result.deviceToken, now);
      c.header('Cache-Control', 'no-store');
      return c.json(result.view);
    });
}

import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { feedbackQuerySchema, feedbackRequestSchema } from '../../shared/api/feedback';
import type { AppDeps } from '../app-deps';
import { createFeedback, requireFeedbackView, updateFeedback } from '../domain/feedback/feedback-service';
import { requireVerifiedParcel } from '../domain/returns/customer-access';
import { parseTrackingNo } from '../domain/tracking/tracking-service';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';
import { parcelCookie } from '../http/session';

/** The verified customer's feedback on a delivered parcel. */
export function feedbackRoutes({ db, clock }: AppDeps) {
  const verifiedParcel = (c: Context, rawTrackingNo: string) => {
    const trackingNo = parseTrackingNo(rawTrackingNo);
    return requireVerifiedParcel(db, { trackingNo, token: getCookie(c, parcelCookie(trackingNo)) }, clock());
  };
  return new Hono()
    .get('/', queryParams(feedbackQuerySchema), async (c) => c.json(await requireFeedbackView(db, await verifiedParcel(c, c.req.valid('query').trackingNo))))
    .post('/', requireJsonContent, jsonBody(feedbackRequestSchema), async (c) => {
      const { trackingNo, ...input } = c.req.valid('json');
      return c.json(await createFeedback(db, await verifiedParcel(c, trackingNo), input, clock()), 201);
    })
    .put('/', requireJsonContent, jsonBody(feedbackRequestSchema), async (c) => {
      const { trackingNo, ...input } = c.req.valid('json');
      return c.json(await updateFeedback(db, await verifiedParcel(c, trackingNo), input, clock()));
    });
}

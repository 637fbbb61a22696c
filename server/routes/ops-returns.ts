import { Hono } from 'hono';
import { z } from 'zod';
import { decideClaimRequestSchema, opsReturnListQuerySchema, receiveReturnRequestSchema, reviewReturnRequestSchema } from '../../shared/api/returns';
import type { AppDeps } from '../app-deps';
import { decideClaim } from '../domain/claims/claim-decision';
import { listOpsClaims } from '../domain/claims/claim-repository';
import { listOpsReturns, parseStatuses } from '../domain/returns/ops-return-list';
import { receiveReturn, refundReturn, reviewReturn } from '../domain/returns/return-ops-service';
import { requireReturn } from '../domain/returns/return-repository';
import { buildOpsReturnDetail } from '../domain/returns/return-view';
import { loadSettlementBasis } from '../domain/returns/settlement-basis';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';

/** Staff's after-sales desk: review, receive and inspect, refund; decide lost-parcel claims. */
export function opsReturnRoutes({ db, clock, config, payments, bus }: AppDeps) {
  return new Hono()
    .get('/returns', queryParams(opsReturnListQuerySchema), async (c) => {
      const query = c.req.valid('query');
      return c.json(await listOpsReturns(db, { ...query, statuses: parseStatuses(query.status) }, config.shopTimeZone));
    })
    .get('/returns/:returnNo', async (c) => c.json(await buildOpsReturnDetail(db, await requireReturn(db, c.req.param('returnNo')))))
    // What inspection settles from, so the form can preview the refund while staff count.
    .get('/returns/:returnNo/settlement-basis', async (c) => c.json(await loadSettlementBasis(db, await requireReturn(db, c.req.param('returnNo')))))
    .post('/returns/:returnNo/review', requireJsonContent, jsonBody(reviewReturnRequestSchema), async (c) =>
      c.json(await reviewReturn(db, c.req.param('returnNo'), c.req.valid('json'), c.var.user, clock())),
    )
    .post('/returns/:returnNo/receive', requireJsonContent, jsonBody(receiveReturnRequestSchema), async (c) => {
      const detail = await receiveReturn(db, c.req.param('returnNo'), c.req.valid('json'), c.var.user, clock());
      if (detail.returnTrackingNo) bus.publish(detail.returnTrackingNo);
      return c.json(detail);
    })
    .post('/returns/:returnNo/refund', async (c) => c.json(await refundReturn(db, payments, c.req.param('returnNo'), c.var.user, clock())))
    .get('/claims', queryParams(z.strictObject({ status: z.enum(['open', 'refunded', 'resent', 'rejected']).optional() })), async (c) =>
      c.json({ claims: await listOpsClaims(db, { status: c.req.valid('query').status }) }),
    )
    .post('/claims/:claimNo/decide', requireJsonContent, jsonBody(decideClaimRequestSchema), async (c) =>
      c.json(await decideClaim(db, payments, c.req.param('claimNo'), c.req.valid('json'), c.var.user, clock())),
    );
}

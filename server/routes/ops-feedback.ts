import { Hono } from 'hono';
import { z } from 'zod';
import { feedbackCategoryCorrectionSchema, feedbackListQuerySchema, followUpListQuerySchema, followUpOutcomeRequestSchema } from '../../shared/api/feedback';
import type { AppDeps } from '../app-deps';
import { correctFeedbackCategories } from '../domain/feedback/feedback-corrections-service';
import { listFeedbackForStaff } from '../domain/feedback/feedback-list-service';
import { listFollowUps, openOverdueExceptionFollowUps, recordFollowUpOutcome } from '../domain/feedback/follow-up-service';
import { badRequest } from '../app-error';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { queryParams } from '../http/query-params';

const rowId = (code: string, what: string) => (raw: string) => {
  const parsed = z.coerce.number().int().positive().max(2_147_483_647).safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw)) throw badRequest(code, `A ${what} id is a positive whole number`);
  return parsed.data;
};
const followUpId = rowId('bad_follow_up_id', 'follow-up');
const feedbackId = rowId('bad_feedback_id', 'feedback');

/** Staff's follow-ups: customer call-backs opened by negative feedback or exceptions open too long. */
export function opsFollowUpRoutes({ db, clock, config }: AppDeps) {
  return new Hono()
    .get('/', queryParams(followUpListQuerySchema), async (c) => {
      const now = clock();
      // The queue is made current when it is looked at (see openOverdueExceptionFollowUps).
      await openOverdueExceptionFollowUps(db, now);
      return c.json(await listFollowUps(db, c.req.valid('query'), { now, timeZone: config.shopTimeZone }));
    })
    .post('/:id/outcome', requireJsonContent, jsonBody(followUpOutcomeRequestSchema), async (c) => {
      const id = followUpId(c.req.param('id'));
      await recordFollowUpOutcome(db, id, c.req.valid('json'), c.var.user.id, clock());
      const { followUps } = await listFollowUps(db, { id }, { now: clock(), timeZone: config.shopTimeZone });
      return c.json(followUps[0]!);
    });
}

/** Staff's hand on feedback: every feedback a page at a time, and correcting the categories the classifier gave one. */
export function opsFeedbackRoutes({ db, clock }: AppDeps) {
  return new Hono()
    .get('/', queryParams(feedbackListQuerySchema), async (c) => c.json(await listFeedbackForStaff(db, c.req.valid('query'))))
    .put('/:id/categories', requireJsonContent, jsonBody(feedbackCategoryCorrectionSchema), async (c) => {
      const id = feedbackId(c.req.param('id'));
      return c.json(await correctFeedbackCategories(db, id, c.req.valid('json').categories, c.var.user.id, clock()));
    });
}

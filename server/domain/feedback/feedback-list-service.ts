import type { Kysely } from 'kysely';
import type { FeedbackList, FeedbackListItem, feedbackListQuerySchema } from '../../../shared/api/feedback';
import type { z } from 'zod';
import { badRequest } from '../../app-error';
import type { Database } from '../../db/schema';
import { findStaffNames } from './feedback-corrections-repository';
import { findFeedbackCreatedAt, listFeedbackRows } from './feedback-list-repository';
import { loadCategoriesOf } from './feedback-repository';

type FeedbackListQuery = z.output<typeof feedbackListQuerySchema>;

/**
 * Every feedback for staff, newest first, a page at a time: so a misfiled one can be found and
 * corrected whether or not it opened a call-back. Each item carries its categories with the
 * kinds of evidence behind them, and who corrected them (read from the staff evidence, as the
 * call-back list does), so the list and a correction's answer never disagree.
 */
export async function listFeedbackForStaff(db: Kysely<Database>, query: FeedbackListQuery): Promise<FeedbackList> {
  let after: { createdAt: number; id: number } | undefined;
  if (query.cursor !== undefined) {
    const createdAt = await findFeedbackCreatedAt(db, query.cursor);
    // Feedback is never deleted: a cursor that names none was not one this list gave.
    if (createdAt === null) throw badRequest('unknown_cursor', `No feedback ${query.cursor} to continue after`);
    after = { createdAt, id: query.cursor };
  }
  // One more than the page: whether a next page exists, without counting.
  const rows = await listFeedbackRows(db, { category: query.category, csat: query.csat, corrected: query.corrected, after }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const categories = await loadCategoriesOf(db, page.map((r) => r.feedback.id));
  const marks = new Map<number, { staffId: number; at: number }>();
  for (const [feedbackId, found] of categories) {
    const mark = found.flatMap((c) => c.evidence).find((e) => e.kind === 'staff');
    if (mark?.kind === 'staff') marks.set(feedbackId, { staffId: mark.staffId, at: mark.at });
  }
  const names = await findStaffNames(db, [...marks.values()].map((m) => m.staffId));
  const feedback = page.map(({ feedback: f, trackingNo, orderNo, callBackOpen }): FeedbackListItem => {
    const mark = marks.get(f.id);
    return {
      id: f.id,
      trackingNo,
      orderNo,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
      csat: f.csat,
      nps: f.nps,
      tags: f.tags,
      comment: f.comment,
      hasPhoto: f.photoId !== null,
      categories: (categories.get(f.id) ?? []).map((c) => ({ category: c.category, evidenceKinds: [...new Set(c.evidence.map((e) => e.kind))] })),
      correctedBy: mark ? { staffId: mark.staffId, staffName: names.get(mark.staffId) ?? null, at: mark.at } : null,
      callBackOpen,
    };
  });
  return { feedback, nextCursor: rows.length > query.limit ? page[page.length - 1]!.feedback.id : null };
}

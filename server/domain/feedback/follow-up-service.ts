import type { Kysely } from 'kysely';
import type { FollowUpKind, FollowUpList, FollowUpListQuery, FollowUpOutcomeRequest, FollowUpView, ShopResponseView } from '../../../shared/api/feedback';
import { conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { startOfShopDay } from '../../../shared/time/shop-day';
import { maskName } from '../tracking/masking';
import { latestExceptionEvents } from '../tracking/tracking-event-repository';
import { feedbackCategorySummaries } from './feedback-corrections-service';
import { EXCEPTION_OVERDUE_AFTER_MS, followUpDueAt, isFollowUpOverdue } from './feedback-rules';
import {
  completeFollowUp,
  findExceptionsWithoutFollowUp,
  findFollowUpById,
  findLatestCustomerNote,
  hasOpenFollowUp,
  insertOpenFollowUps,
  listFollowUpListings,
  type FollowUpListFilter,
} from './follow-up-repository';

/** At most this many overdue exceptions are turned into follow-ups per sweep: the list request stays quick. */
const SWEEP_BATCH = 200;

/** The staff list shows at most this many follow-ups. */
const LIST_LIMIT = 500;

/** Opens a follow-up of `kind` for the shipment unless one is already open for it; returns whether it did. */
export async function openFollowUpUnlessOpen(
  db: Kysely<Database>,
  input: { kind: FollowUpKind; shipmentId: number; feedbackId: number | null; openedAt: number },
): Promise<boolean> {
  if (await hasOpenFollowUp(db, input.shipmentId)) return false;
  await insertOpenFollowUps(db, [
    { kind: input.kind, shipmentId: input.shipmentId, feedbackId: input.feedbackId, dueAt: followUpDueAt(input.openedAt), createdAt: input.openedAt },
  ]);
  return true;
}

/**
 * Opens an `exception_overdue` follow-up for every parcel sitting in Exception with no new event
 * for EXCEPTION_OVERDUE_AFTER_MS, unless it already has an open follow-up or got one since the
 * exception began. Called on every staff list request rather than by a timer: the app runs as
 * one process with no scheduler, staff see the queue only through that request, and the query is
 * cheap (see findExceptionsWithoutFollowUp), so the queue is always current when someone looks at it.
 */
export async function openOverdueExceptionFollowUps(db: Kysely<Database>, now: number): Promise<number> {
  const stuck = await findExceptionsWithoutFollowUp(db, now - EXCEPTION_OVERDUE_AFTER_MS, SWEEP_BATCH);
  // The last event decides when the exception counts as open too long; due a day after that point.
  await insertOpenFollowUps(
    db,
    stuck.map((s) => ({
      kind: 'exception_overdue',
      shipmentId: s.shipmentId,
      feedbackId: null,
      dueAt: followUpDueAt(s.lastEventAt + EXCEPTION_OVERDUE_AFTER_MS),
      createdAt: now,
    })),
  );
  return stuck.length;
}

/** Which follow-ups a list query asks for: a `due` filter means open ones only. */
function listFilter(query: FollowUpListQuery & { id?: number }, facts: { now: number; timeZone: string }): FollowUpListFilter {
  const status = query.due ? 'open' : query.status;
  if (query.due === 'overdue') return { id: query.id, status, dueBefore: facts.now };
  if (query.due === 'today') return { id: query.id, status, dueBefore: startOfShopDay(facts.now, facts.timeZone) + 86_400_000 };
  return { id: query.id, status };
}

export async function listFollowUps(db: Kysely<Database>, query: FollowUpListQuery & { id?: number }, facts: { now: number; timeZone: string }): Promise<FollowUpList> {
  const listings = await listFollowUpListings(db, listFilter(query, facts), LIST_LIMIT);
  const categories = await feedbackCategorySummaries(db, listings.flatMap((l) => (l.followUp.feedbackId === null ? [] : [l.followUp.feedbackId])));
  const exceptions = await latestExceptionEvents(db, listings.filter((l) => l.followUp.kind === 'exception_overdue').map((l) => l.followUp.shipmentId));

  const followUps: FollowUpView[] = listings.map(({ followUp: f, shipment, recipient, feedback }) => {
    const lastException = exceptions.get(f.shipmentId);
    return {
      id: f.id,
      kind: f.kind,
      status: f.status,
      dueAt: f.dueAt,
      overdue: isFollowUpOverdue(f.status, f.dueAt, facts.now),
      createdAt: f.createdAt,
      shipment: { trackingNo: shipment.trackingNo, status: shipment.status },
      // Staff call the recipient: the full number is what they dial; the name is masked like everywhere else.
      customer: { name: maskName(recipient.name), phone: recipient.phone },
      feedback: feedback && {
        id: feedback.id,
        csat: feedback.csat,
        nps: feedback.nps,
        comment: feedback.comment,
        tags: feedback.tags,
        categories: categories.get(feedback.id)?.categories ?? [],
        correctedBy: categories.get(feedback.id)?.correctedBy ?? null,
      },
      exception: f.kind === 'exception_overdue' ? { reasonCode: lastException?.reasonCode ?? null, since: lastException?.occurredAt ?? shipment.updatedAt } : null,
      outcome: f.outcome,
      outcomeNote: f.outcomeNote,
      customerNote: f.customerNote,
      resolvedAt: f.resolvedAt,
    };
  });
  return { followUps, now: facts.now };
}

export async function recordFollowUpOutcome(
  db: Kysely<Database>,
  id: number,
  input: { outcome: FollowUpOutcomeRequest['outcome']; outcomeNote: string; customerNote: string },
  staffId: number,
  now: number,
): Promise<void> {
  if (!(await findFollowUpById(db, id))) throw notFound('follow_up_not_found', `No follow-up ${id}`);
  const recorded = await completeFollowUp(db, id, {
    outcome: input.outcome,
    outcomeNote: input.outcomeNote,
    customerNote: input.customerNote === '' ? null : input.customerNote,
    resolvedBy: staffId,
    resolvedAt: now,
  });
  if (!recorded) throw conflict('follow_up_done', 'This follow-up already has its outcome');
}

/** The shop's latest answer to this shipment's customer, when staff chose to show one. */
export async function findShopResponse(db: Kysely<Database>, shipmentId: number): Promise<ShopResponseView | null> {
  const followUp = await findLatestCustomerNote(db, shipmentId);
  return followUp?.customerNote ? { note: followUp.customerNote, respondedAt: Number(followUp.resolvedAt) } : null;
}

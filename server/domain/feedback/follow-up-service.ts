import { sql, type Kysely } from 'kysely';
import type { FollowUpKind, FollowUpList, FollowUpListQuery, FollowUpOutcomeRequest, FollowUpView, ShopResponseView } from '../../../shared/api/feedback';
import type { FeedbackCategory } from '../../../shared/feedback/feedback-categories';
import { parseQuickTags } from './feedback-repository';
import { conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { startOfShopDay } from '../../../shared/time/shop-day';
import { maskName } from '../tracking/masking';
import { EXCEPTION_OVERDUE_AFTER_MS, followUpDueAt, isFollowUpOverdue } from './feedback-rules';

/** At most this many overdue exceptions are turned into follow-ups per sweep: the list request stays quick. */
const SWEEP_BATCH = 200;

/** Opens a follow-up of `kind` for the shipment unless one is already open for it; returns whether it did. */
export async function openFollowUpUnlessOpen(
  db: Kysely<Database>,
  input: { kind: FollowUpKind; shipmentId: number; feedbackId: number | null; openedAt: number },
): Promise<boolean> {
  const open = await db.selectFrom('follow_ups').select('id').where('shipment_id', '=', input.shipmentId).where('status', '=', 'open').executeTakeFirst();
  if (open) return false;
  await db
    .insertInto('follow_ups')
    .values({
      kind: input.kind,
      shipment_id: input.shipmentId,
      feedback_id: input.feedbackId,
      status: 'open',
      due_at: followUpDueAt(input.openedAt),
      created_at: input.openedAt,
    })
    .execute();
  return true;
}

/**
 * Opens an `exception_overdue` follow-up for every parcel sitting in Exception with no new event
 * for EXCEPTION_OVERDUE_AFTER_MS, unless it already has an open follow-up or got one since the
 * exception began. Called on every staff list request rather than by a timer: the app runs as
 * one process with no scheduler, staff see the queue only through that request, and the query is
 * cheap (the shipments (status, updated_at) index narrows to old exceptions; the NOT EXISTS probes
 * follow_ups (shipment_id, status)), so the queue is always current when someone looks at it.
 */
export async function openOverdueExceptionFollowUps(db: Kysely<Database>, now: number): Promise<number> {
  const cutoff = now - EXCEPTION_OVERDUE_AFTER_MS;
  const stuck = await db
    .selectFrom('shipments as s')
    .select(['s.id', 's.updated_at'])
    .where('s.status', '=', 'Exception')
    .where('s.updated_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follow_ups as f')
            .select('f.id')
            .whereRef('f.shipment_id', '=', 's.id')
            .where((eb) => eb.or([eb('f.status', '=', 'open'), eb.and([eb('f.kind', '=', 'exception_overdue'), eb('f.created_at', '>=', eb.ref('s.updated_at'))])])),
        ),
      ),
    )
    .orderBy('s.updated_at')
    .limit(SWEEP_BATCH)
    .execute();
  if (stuck.length === 0) return 0;
  // The last event decides when the exception counts as open too long; due a day after that point.
  await db
    .insertInto('follow_ups')
    .values(
      stuck.map((s) => ({
        kind: 'exception_overdue',
        shipment_id: s.id,
        feedback_id: null,
        status: 'open',
        due_at: followUpDueAt(Number(s.updated_at) + EXCEPTION_OVERDUE_AFTER_MS),
        created_at: now,
      })),
    )
    .execute();
  return stuck.length;
}

export async function listFollowUps(db: Kysely<Database>, query: FollowUpListQuery & { id?: number }, facts: { now: number; timeZone: string }): Promise<FollowUpList> {
  let q = db
    .selectFrom('follow_ups as f')
    .innerJoin('shipments as s', 's.id', 'f.shipment_id')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .leftJoin('feedback as fb', 'fb.id', 'f.feedback_id')
    .select([
      'f.id', 'f.kind', 'f.status', 'f.due_at', 'f.created_at', 'f.outcome', 'f.outcome_note', 'f.customer_note', 'f.resolved_at', 'f.feedback_id',
      's.id as shipment_id', 's.tracking_no', 's.status as shipment_status', 's.updated_at as shipment_updated_at',
      'o.recipient_name', 'o.recipient_phone',
      'fb.csat', 'fb.nps', 'fb.comment', 'fb.tags',
    ]);
  if (query.id !== undefined) q = q.where('f.id', '=', query.id);
  const status = query.due ? 'open' : query.status;
  if (status) q = q.where('f.status', '=', status);
  if (query.due === 'overdue') q = q.where('f.due_at', '<', facts.now);
  if (query.due === 'today') q = q.where('f.due_at', '<', startOfShopDay(facts.now, facts.timeZone) + 86_400_000);
  // Open ones by urgency (earliest due first); done ones most recent first.
  const rows = await q.orderBy(sql`case when f.status = 'open' then 0 else 1 end`).orderBy('f.due_at').orderBy('f.id').limit(500).execute();

  const feedbackIds = rows.map((r) => r.feedback_id).filter((id): id is number => id !== null);
  const categories = feedbackIds.length
    ? await db.selectFrom('feedback_categories').select(['feedback_id', 'category']).where('feedback_id', 'in', feedbackIds).orderBy('id').execute()
    : [];
  const exceptionShipments = rows.filter((r) => r.kind === 'exception_overdue').map((r) => r.shipment_id);
  const exceptionEvents = exceptionShipments.length
    ? await db
        .selectFrom('tracking_events')
        .select(['shipment_id', 'reason_code', 'occurred_at'])
        .where('shipment_id', 'in', exceptionShipments)
        .where('status', '=', 'Exception')
        .orderBy('occurred_at', 'desc')
        .execute()
    : [];

  const followUps: FollowUpView[] = rows.map((r) => {
    const lastException = exceptionEvents.find((e) => e.shipment_id === r.shipment_id);
    return {
      id: r.id,
      kind: r.kind as FollowUpKind,
      status: r.status as FollowUpView['status'],
      dueAt: Number(r.due_at),
      overdue: isFollowUpOverdue(r.status, Number(r.due_at), facts.now),
      createdAt: Number(r.created_at),
      shipment: { trackingNo: r.tracking_no, status: r.shipment_status },
      // Staff call the recipient: the full number is what they dial; the name is masked like everywhere else.
      customer: { name: maskName(r.recipient_name), phone: r.recipient_phone },
      feedback:
        r.feedback_id !== null && r.csat !== null
          ? {
              csat: r.csat,
              nps: r.nps,
              comment: r.comment ?? '',
              tags: r.tags === null ? [] : parseQuickTags(r.tags, `feedback.tags #${r.feedback_id}`),
              categories: categories.filter((c) => c.feedback_id === r.feedback_id).map((c) => c.category as FeedbackCategory),
            }
          : null,
      exception: r.kind === 'exception_overdue' ? { reasonCode: lastException?.reason_code ?? null, since: Number(lastException?.occurred_at ?? r.shipment_updated_at) } : null,
      outcome: r.outcome as FollowUpView['outcome'],
      outcomeNote: r.outcome_note,
      customerNote: r.customer_note,
      resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
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
  const found = await db.selectFrom('follow_ups').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!found) throw notFound('follow_up_not_found', `No follow-up ${id}`);
  // Guarded on status so two staff pressing at once record one outcome, not two.
  const result = await db
    .updateTable('follow_ups')
    .set({
      status: 'done',
      outcome: input.outcome,
      outcome_note: input.outcomeNote,
      customer_note: input.customerNote === '' ? null : input.customerNote,
      resolved_by: staffId,
      resolved_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw conflict('follow_up_done', 'This follow-up already has its outcome');
}

/** The shop's latest answer to this shipment's customer, when staff chose to show one. */
export async function findShopResponse(db: Kysely<Database>, shipmentId: number): Promise<ShopResponseView | null> {
  const row = await db
    .selectFrom('follow_ups')
    .select(['customer_note', 'resolved_at'])
    .where('shipment_id', '=', shipmentId)
    .where('status', '=', 'done')
    .where('customer_note', 'is not', null)
    .orderBy('resolved_at', 'desc')
    .executeTakeFirst();
  return row?.customer_note ? { note: row.customer_note, respondedAt: Number(row.resolved_at) } : null;
}

import type { Kysely, Selectable } from 'kysely';
import type { RefundBreakdown } from '../../../shared/returns/refund-breakdown';
import type { ItemCondition, ReturnReasonCode } from '../../../shared/returns/return-reasons';
import { checkReturnTransition, type ReturnStatus } from '../../../shared/returns/return-status';
import type { ReturnEventFact, ReturnSummary } from '../../../shared/api/return-views';
import type { ReturnMethod } from '../../../shared/api/returns';
import { AppError, notFound } from '../../app-error';
import { newReturnNo } from './return-numbers';
import type { Database, ReturnRequestTable } from '../../db/schema';
import { parseJsonColumn } from '../../db/json-column';
import { refundBreakdownSchema, storedPhotoIdsSchema, storedReviewReasonsSchema } from '../../../shared/returns/stored-return-schemas';

export interface ReturnRequest {
  id: number;
  returnNo: string;
  orderId: number;
  shipmentId: number;
  status: ReturnStatus;
  reasonCode: ReturnReasonCode;
  /** None for a no-reason return. */
  reasonDetail: string | null;
  condition: ItemCondition;
  method: ReturnMethod;
  pickupSlot: { start: number; end: number } | null;
  dropoffCode: string | null;
  note: string | null;
  photoIds: string[];
  quote: RefundBreakdown;
  settlement: RefundBreakdown | null;
  reviewReasons: string[];
  decisionNote: string | null;
  returnShipmentId: number | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export function toReturnRequest(row: Selectable<ReturnRequestTable>): ReturnRequest {
  return {
    id: row.id,
    returnNo: row.return_no,
    orderId: row.order_id,
    shipmentId: row.shipment_id,
    status: row.status as ReturnStatus,
    reasonCode: row.reason_code as ReturnReasonCode,
    // Stored as '' when there is none: the column predates returns without a detail.
    reasonDetail: row.reason_detail === '' ? null : row.reason_detail,
    condition: row.item_condition as ItemCondition,
    method: row.method as ReturnMethod,
    pickupSlot: row.pickup_slot_start !== null && row.pickup_slot_end !== null ? { start: row.pickup_slot_start, end: row.pickup_slot_end } : null,
    dropoffCode: row.dropoff_code,
    note: row.note,
    photoIds: parseJsonColumn(storedPhotoIdsSchema, row.photo_ids, `return_requests.photo_ids of ${row.return_no}`),
    quote: parseBreakdown(row.quote, `return_requests.quote of ${row.return_no}`),
    settlement: row.settlement === null ? null : parseBreakdown(row.settlement, `return_requests.settlement of ${row.return_no}`),
    reviewReasons: parseJsonColumn(storedReviewReasonsSchema, row.review_reasons, `return_requests.review_reasons of ${row.return_no}`),
    decisionNote: row.decision_note,
    returnShipmentId: row.return_shipment_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const parseBreakdown = (text: string, where: string): RefundBreakdown => parseJsonColumn(refundBreakdownSchema, text, where);

/**
 * What a return pays or will pay, for lists: the settled amount once inspected, else the quote.
 * Lists select just these columns, so this is the one place a settlement is read outside the mapper.
 */
export function listedRefundFen(row: Pick<Selectable<ReturnRequestTable>, 'return_no' | 'settlement' | 'quote_fen'>): number {
  return row.settlement === null ? row.quote_fen : parseBreakdown(row.settlement, `return_requests.settlement of ${row.return_no}`).totalFen;
}

export async function findReturnByNo(db: Kysely<Database>, returnNo: string): Promise<ReturnRequest | null> {
  const row = await db.selectFrom('return_requests').selectAll().where('return_no', '=', returnNo).executeTakeFirst();
  return row ? toReturnRequest(row) : null;
}

export async function findReturnById(db: Kysely<Database>, id: number): Promise<ReturnRequest | null> {
  const row = await db.selectFrom('return_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toReturnRequest(row) : null;
}

export async function requireReturn(db: Kysely<Database>, returnNo: string): Promise<ReturnRequest> {
  const found = /^RT\d{12}$/.test(returnNo) ? await findReturnByNo(db, returnNo) : null;
  if (!found) throw notFound('return_not_found', `No return ${returnNo.slice(0, 20)}`);
  return found;
}

export type ReturnActor = { type: 'customer' | 'staff' | 'courier' | 'system'; id: number | null };

export async function insertReturnEvent(
  db: Kysely<Database>,
  event: { returnId: number; status: ReturnStatus; at: number; actor: ReturnActor; note?: string | null; fact?: ReturnEventFact; reasonCode?: string | null },
): Promise<void> {
  await db
    .insertInto('return_events')
    .values({
      return_id: event.returnId,
      status: event.status,
      occurred_at: event.at,
      actor_type: event.actor.type,
      actor_id: event.actor.id,
      note: event.note ?? null,
      fact: event.fact ?? null,
      reason_code: event.reasonCode ?? null,
    })
    .execute();
}

/**
 * Moves a return through its state machine, guarded on the version it was read at: of two
 * people acting at once, one wins and the other gets a 409, never a mixed history.
 */
export async function moveReturn(
  db: Kysely<Database>,
  ret: Pick<ReturnRequest, 'id' | 'status' | 'version'>,
  to: ReturnStatus,
  change: { at: number; actor: ReturnActor; note?: string | null; fact?: ReturnEventFact; set?: Partial<Selectable<ReturnRequestTable>> },
): Promise<ReturnRequest> {
  const check = checkReturnTransition(ret.status, to);
  if (!check.ok) throw new AppError(409, check.code, check.message.en);
  const updated = await db
    .updateTable('return_requests')
    .set({ ...change.set, status: to, version: ret.version + 1, updated_at: change.at })
    .where('id', '=', ret.id)
    .where('version', '=', ret.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new AppError(409, 'return_changed', 'The return was changed by someone else at the same moment; reload it');
  await insertReturnEvent(db, { returnId: ret.id, status: to, at: change.at, actor: change.actor, note: change.note, fact: change.fact });
  return toReturnRequest(updated);
}

/** An order's returns, newest first, as the customer's after-sales list shows them. */
export async function listOrderReturnSummaries(db: Kysely<Database>, orderId: number): Promise<ReturnSummary[]> {
  const rows = await db
    .selectFrom('return_requests as r')
    .select(['r.return_no', 'r.status', 'r.reason_code', 'r.quote_fen', 'r.created_at', 'r.settlement'])
    .select((eb) => eb.selectFrom('return_items as ri').select((e) => e.fn.sum<number>('ri.quantity').as('n')).whereRef('ri.return_id', '=', 'r.id').as('item_count'))
    .where('r.order_id', '=', orderId)
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    returnNo: r.return_no,
    status: r.status as ReturnStatus,
    reasonCode: r.reason_code as ReturnReasonCode,
    itemCount: Number(r.item_count ?? 0),
    refundFen: listedRefundFen(r),
    createdAt: r.created_at,
  }));
}

/** A new return with its items, `requested`, at version 1; its quote kept as shown. */
export async function insertReturnRequest(
  db: Kysely<Database>,
  r: Pick<ReturnRequest, 'orderId' | 'shipmentId' | 'reasonCode' | 'reasonDetail' | 'condition' | 'method' | 'pickupSlot' | 'dropoffCode' | 'note' | 'photoIds' | 'quote' | 'createdAt'> & {
    reviewReasons: readonly string[];
    items: readonly { orderItemId: number; quantity: number }[];
  },
): Promise<ReturnRequest> {
  const row = await db
    .insertInto('return_requests')
    .values({
      return_no: newReturnNo(),
      order_id: r.orderId,
      shipment_id: r.shipmentId,
      status: 'requested',
      reason_code: r.reasonCode,
      reason_detail: r.reasonDetail ?? '',
      item_condition: r.condition,
      method: r.method,
      pickup_slot_start: r.pickupSlot?.start ?? null,
      pickup_slot_end: r.pickupSlot?.end ?? null,
      dropoff_code: r.dropoffCode,
      note: r.note,
      photo_ids: JSON.stringify(r.photoIds),
      quote: JSON.stringify(r.quote),
      quote_fen: r.quote.totalFen,
      settlement: null,
      review_reasons: JSON.stringify(r.reviewReasons),
      decision_note: null,
      return_shipment_id: null,
      version: 1,
      created_at: r.createdAt,
      updated_at: r.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('return_items')
    .values(r.items.map((i) => ({ return_id: row.id, order_item_id: i.orderItemId, quantity: i.quantity, accepted_quantity: null, damaged_quantity: null })))
    .execute();
  return toReturnRequest(row);
}

export interface ReturnLine {
  id: number;
  orderItemId: number;
  quantity: number;
}

export async function listReturnLines(db: Kysely<Database>, returnId: number): Promise<ReturnLine[]> {
  const rows = await db.selectFrom('return_items').select(['id', 'order_item_id', 'quantity']).where('return_id', '=', returnId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, orderItemId: r.order_item_id, quantity: r.quantity }));
}

/** What inspection counted of one line: accepted for a refund, and damaged. */
export async function recordInspectedLine(db: Kysely<Database>, lineId: number, counted: { acceptedQuantity: number; damagedQuantity: number }): Promise<void> {
  await db.updateTable('return_items').set({ accepted_quantity: counted.acceptedQuantity, damaged_quantity: counted.damagedQuantity }).where('id', '=', lineId).execute();
}

/** The start of each return's pickup slot (epoch ms), by return id; absent or null when none was booked. */
export async function findPickupSlotStarts(db: Kysely<Database>, returnIds: readonly number[]): Promise<Map<number, number | null>> {
  if (returnIds.length === 0) return new Map();
  const rows = await db.selectFrom('return_requests').select(['id', 'pickup_slot_start']).where('id', 'in', [...new Set(returnIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.pickup_slot_start === null ? null : Number(r.pickup_slot_start)]));
}

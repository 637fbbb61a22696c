import type { Kysely, Selectable } from 'kysely';
import type { RefundBreakdown } from '../../../shared/returns/refund-breakdown';
import type { ItemCondition, ReturnReasonCode } from '../../../shared/returns/return-reasons';
import { checkReturnTransition, type ReturnStatus } from '../../../shared/returns/return-status';
import type { ReturnEventFact } from '../../../shared/api/return-views';
import type { ReturnMethod } from '../../../shared/api/returns';
import { AppError, notFound } from '../../app-error';
import type { Database, ReturnRequestTable } from '../../db/schema';

export interface ReturnRequest {
  id: number;
  returnNo: string;
  orderId: number;
  shipmentId: number;
  status: ReturnStatus;
  reasonCode: ReturnReasonCode;
  reasonDetail: string;
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
    reasonDetail: row.reason_detail,
    condition: row.item_condition as ItemCondition,
    method: row.method as ReturnMethod,
    pickupSlot: row.pickup_slot_start !== null && row.pickup_slot_end !== null ? { start: row.pickup_slot_start, end: row.pickup_slot_end } : null,
    dropoffCode: row.dropoff_code,
    note: row.note,
    photoIds: JSON.parse(row.photo_ids) as string[],
    quote: JSON.parse(row.quote) as RefundBreakdown,
    settlement: row.settlement ? (JSON.parse(row.settlement) as RefundBreakdown) : null,
    reviewReasons: JSON.parse(row.review_reasons) as string[],
    decisionNote: row.decision_note,
    returnShipmentId: row.return_shipment_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findReturnByNo(db: Kysely<Database>, returnNo: string): Promise<ReturnRequest | null> {
  const row = await db.selectFrom('return_requests').selectAll().where('return_no', '=', returnNo).executeTakeFirst();
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

import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import type { KpiLog } from '../../shared/analytics/event-log';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import { createCourier } from '../support/accounts';
import { createParcel } from '../support/factories';

/**
 * Writes a hand-made KpiLog into a database with the factories (one parcel per shipment,
 * then the log's own times, legs, couriers and cities), so SQL over the tables can be
 * compared with the in-memory formulas over the same log. Orders the factories make are
 * moved far before any report's range; the log's own orders are added beside them.
 */
export async function writeKpiLog(db: Kysely<Database>, log: KpiLog): Promise<{ courierIds: Map<number, number> }> {
  const courierIds = new Map<number, number>();
  for (const id of new Set(log.shipments.map((s) => s.courierId).filter((c): c is number => c !== null))) {
    courierIds.set(id, (await createCourier(db, { city: '上海市' })).id);
  }
  const shipmentIds: number[] = [];
  let anyOrder = 0;
  for (const s of log.shipments) {
    const parcel = await createParcel(db, {
      promisedBy: s.promisedBy,
      deliveredAt: s.deliveredAt,
      courierId: s.courierId === null ? null : courierIds.get(s.courierId)!,
      events: s.events.map((e) => ({ status: e.status as TrackingStatus, subStatus: e.subStatus, occurredAt: e.occurredAt })),
    });
    anyOrder = parcel.orderId;
    shipmentIds.push(parcel.shipmentId);
    await db.updateTable('shipments').set({ created_at: s.createdAt, leg: s.leg, destination_city: s.destinationCity }).where('id', '=', parcel.shipmentId).execute();
    await db.updateTable('orders').set({ created_at: Date.UTC(2020, 0, 1) }).where('id', '=', parcel.orderId).execute();
    if (s.resend) {
      // As a claim decided "resend" leaves it: the claim on the first parcel names this one.
      const claim = { claim_no: `CL${parcel.shipmentId}`, order_id: parcel.orderId, shipment_id: parcel.shipmentId, kind: 'lost', status: 'resent', note: null, decision_note: null };
      await db.insertInto('parcel_claims').values({ ...claim, resend_shipment_id: parcel.shipmentId, created_at: s.createdAt, decided_at: s.createdAt, decided_by: null }).execute();
    }
    const rows = await db.selectFrom('tracking_events').select('id').where('shipment_id', '=', parcel.shipmentId).orderBy('id').execute();
    for (const [i, e] of s.events.entries()) {
      if (e.reasonCode) await db.updateTable('tracking_events').set({ reason_code: e.reasonCode }).where('id', '=', rows[i]!.id).execute();
    }
  }
  if (anyOrder === 0) anyOrder = (await db.selectFrom('orders').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).id;
  const order = await db.selectFrom('orders').selectAll().where('id', '=', anyOrder).executeTakeFirstOrThrow();
  for (const [i, o] of log.orders.entries()) {
    const { id: _id, ...rest } = order;
    await db.insertInto('orders').values({ ...rest, order_no: `${order.order_no}-L${i}`, created_at: o.createdAt }).execute();
  }
  for (const [i, r] of log.returns.entries()) {
    await db
      .insertInto('return_requests')
      .values({
        return_no: `RL${anyOrder}${i}`,
        order_id: anyOrder,
        shipment_id: shipmentIds[0]!,
        status: 'requested',
        reason_code: r.reasonCode,
        reason_detail: 'x',
        item_condition: 'unopened',
        method: 'dropoff',
        pickup_slot_start: null,
        pickup_slot_end: null,
        dropoff_code: null,
        note: null,
        photo_ids: '[]',
        quote: '{}',
        quote_fen: 0,
        settlement: null,
        review_reasons: '[]',
        decision_note: null,
        return_shipment_id: null,
        version: 1,
        created_at: r.createdAt,
        updated_at: r.createdAt,
      })
      .execute();
  }
  for (const [i, r] of log.refunds.entries()) {
    await db
      .insertInto('refunds')
      .values({ order_id: anyOrder, idempotency_key: `log-${anyOrder}-${i}`, amount_fen: r.amountFen, status: r.status, provider: 'simulated', created_at: r.completedAt ?? 0, completed_at: r.completedAt })
      .execute();
  }
  // One feedback per shipment; its categories share its created_at (the contract).
  for (const [i, f] of log.feedback.entries()) {
    const row = await db
      .insertInto('feedback')
      .values({ shipment_id: shipmentIds[i]!, order_id: anyOrder, csat: f.csat, nps: f.nps, tags: '[]', comment: '', photo_id: null, created_at: f.createdAt, updated_at: f.createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of log.feedbackCategories.filter((x) => x.createdAt === f.createdAt)) {
      await db.insertInto('feedback_categories').values({ feedback_id: row.id, category: c.category, evidence: '[]', created_at: c.createdAt }).execute();
    }
  }
  return { courierIds };
}

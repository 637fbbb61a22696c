import type { Kysely } from 'kysely';
import type { CourierManifest, ManifestStop, PickupDetails } from '../../../shared/courier/manifest';
import { parseAttemptChoice, parseDeliveryInstructions } from '../tracking/shipment-repository';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import type { Database } from '../../db/schema';
import { loadProofRequirements } from '../settings/settings-repository';
import { shopDay, startOfShopDay } from '../../../shared/time/shop-day';
import { ensureRoundOrdered } from './courier-route';

const RETURNING_TO_SENDER = 'InTransit_007';

/**
 * A courier's day: every open stop assigned to them, plus what they delivered today so the
 * list doesn't jump when a delivery syncs. Route order is `route_position`, put in order by
 * geography (courier-route.ts) before the list is read; stops without one (past the routed
 * limit) follow, in the order they were assigned.
 */
export async function loadManifest(
  db: Kysely<Database>,
  courierId: number,
  options: { now: number; timeZone: string },
): Promise<CourierManifest> {
  const dayStart = startOfShopDay(options.now, options.timeZone);
  await ensureRoundOrdered(db, courierId, options);
  const [courier, rows, proofRequirements] = await Promise.all([
    db.selectFrom('couriers').select(['id', 'name', 'phone', 'city']).where('id', '=', courierId).executeTakeFirstOrThrow(),
    db
      .selectFrom('shipments as s')
      .innerJoin('orders as o', 'o.id', 's.order_id')
      .select([
        's.tracking_no',
        's.status',
        's.sub_status',
        's.version',
        's.route_position',
        's.delivery_instructions',
        's.attempt_choice',
        's.promised_by',
        's.leg',
        's.return_id',
        'o.recipient_name',
        'o.recipient_phone',
        'o.province',
        'o.city',
        'o.district',
        'o.street',
      ])
      .select((eb) =>
        eb
          .selectFrom('order_items as i')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('i.quantity'), e.lit(0)).as('n'))
          .whereRef('i.order_id', '=', 'o.id')
          .as('item_count'),
      )
      .where('s.courier_id', '=', courierId)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('s.leg', '=', 'delivery'),
            // On its way back to the shop (InTransit_007): nothing for this courier to deliver.
            eb('s.sub_status', '!=', RETURNING_TO_SENDER),
            eb.or([
              eb('s.status', 'not in', ['Delivered', 'Expired']),
              eb.and([eb('s.status', '=', 'Delivered'), eb('s.delivered_at', '>=', dayStart)]),
            ]),
          ]),
          // A pickup is the courier's until collected; collected today stays visible as done.
          eb.and([
            eb('s.leg', '=', 'return'),
            eb.or([
              eb('s.status', 'in', ['InfoReceived', 'AttemptFail', 'Exception']),
              eb.and([eb('s.status', '=', 'InTransit'), eb('s.updated_at', '>=', dayStart)]),
            ]),
          ]),
        ]),
      )
      .orderBy((eb) => eb.case().when('s.route_position', 'is', null).then(1).else(0).end())
      .orderBy('s.route_position')
      .orderBy('s.id')
      .execute(),
    loadProofRequirements(db),
  ]);
  const pickups = await loadPickupDetails(db, rows.flatMap((r) => (r.return_id === null ? [] : [r.return_id])), options.timeZone);
  const stops: ManifestStop[] = rows.map((r, index) => ({
    kind: r.leg === 'return' ? 'pickup' : 'delivery',
    pickup: r.return_id === null ? null : (pickups.get(r.return_id) ?? null),
    trackingNo: r.tracking_no,
    status: r.status as TrackingStatus,
    subStatus: r.sub_status,
    version: r.version,
    routePosition: index + 1,
    recipient: { name: r.recipient_name, phone: r.recipient_phone },
    address: { province: r.province, city: r.city, district: r.district, street: r.street },
    instructions: parseDeliveryInstructions(r.delivery_instructions, r.tracking_no),
    attemptChoice: parseAttemptChoice(r.attempt_choice, r.status, r.tracking_no),
    itemCount:
      r.return_id !== null
        ? (pickups.get(r.return_id)?.items.reduce((sum, i) => sum + i.quantity, 0) ?? 0)
        : Number(r.item_count ?? 0),
    promisedBy: r.promised_by,
  }));
  return {
    courier,
    day: shopDay(options.now, options.timeZone),
    generatedAt: options.now,
    stops,
    proofRequirements,
  };
}

/** What to collect at each pickup stop: the return's number, items and the customer's slot. */
async function loadPickupDetails(db: Kysely<Database>, returnIds: number[], timeZone: string): Promise<Map<number, PickupDetails>> {
  if (returnIds.length === 0) return new Map();
  const [returns, items] = await Promise.all([
    db.selectFrom('return_requests').select(['id', 'return_no', 'pickup_slot_start', 'pickup_slot_end']).where('id', 'in', returnIds).execute(),
    db
      .selectFrom('return_items as ri')
      .innerJoin('order_items as oi', 'oi.id', 'ri.order_item_id')
      .innerJoin('products as p', 'p.id', 'oi.product_id')
      .select(['ri.return_id', 'p.name', 'ri.quantity'])
      .where('ri.return_id', 'in', returnIds)
      .orderBy('ri.id')
      .execute(),
  ]);
  return new Map(
    returns.map((r) => [
      r.id,
      {
        returnNo: r.return_no,
        items: items.filter((i) => i.return_id === r.id).map((i) => ({ name: i.name, quantity: i.quantity })),
        slot: r.pickup_slot_start !== null && r.pickup_slot_end !== null ? { start: r.pickup_slot_start, end: r.pickup_slot_end } : null,
        slotDay: r.pickup_slot_start === null ? null : shopDay(r.pickup_slot_start, timeZone),
      },
    ]),
  );
}

import type { Kysely } from 'kysely';
import type { OpsOrderList } from '../../../shared/api/ops-orders';
import type { OrderStatus } from '../../../shared/api/shop';
import { likeText } from '../../db/like-pattern';
import type { Database } from '../../db/schema';
import { dayRange } from '../calendar/day-range';
import { maskPhone } from '../tracking/masking';

export interface OpsOrderFilter {
  q?: string;
  status?: OrderStatus;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

const PHONE = /^1\d{10}$/;

/** Orders newest first, with where they ship from and how many units, for the ops list. */
export async function listOpsOrders(db: Kysely<Database>, filter: OpsOrderFilter, timeZone: string): Promise<OpsOrderList> {
  const { start, end } = dayRange(filter.from, filter.to, timeZone);
  const q = filter.q?.trim();
  const filtered = db
    .selectFrom('orders as o')
    // What staff type into the search box: digits are the start of an order number (read off a
    // customer's screen) or, when they make a whole mobile number, the phone it was ordered for;
    // anything else is part of the name. A phone must be whole: a few digits would find strangers.
    .$if(!!q, (b) =>
      b.where((eb) => {
        if (!/^\d+$/.test(q!)) return likeText('o.recipient_name', q!);
        const byNumber = likeText('o.order_no', q!, 'starts');
        return PHONE.test(q!) ? eb.or([byNumber, eb('o.recipient_phone', '=', q!)]) : byNumber;
      }),
    )
    .$if(filter.status !== undefined, (b) => b.where('o.status', '=', filter.status!))
    .$if(start !== undefined, (b) => b.where('o.created_at', '>=', start!))
    .$if(end !== undefined, (b) => b.where('o.created_at', '<', end!));
  const [rows, total] = await Promise.all([
    filtered
      .select(['o.id', 'o.order_no', 'o.status', 'o.recipient_name', 'o.recipient_phone', 'o.paid_total_fen', 'o.created_at', 'o.paid_at', 'o.pay_by'])
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const shipping = await shippingOf(db, rows.map((r) => r.id));
  return {
    orders: rows.map((r) => ({
      orderNo: r.order_no,
      status: r.status as OrderStatus,
      customerName: r.recipient_name,
      phoneMasked: maskPhone(r.recipient_phone),
      totalFen: r.paid_total_fen,
      createdAt: r.created_at,
      paidAt: r.paid_at > 0 ? r.paid_at : null,
      payBy: r.pay_by,
      warehouses: shipping.get(r.id)?.warehouses ?? [],
      units: shipping.get(r.id)?.units ?? 0,
    })),
    total: Number(total.n),
  };
}

/** Per order of the page: its warehouses' codes and its units (one grouped query, read the same on both databases). */
async function shippingOf(db: Kysely<Database>, orderIds: number[]): Promise<Map<number, { warehouses: string[]; units: number }>> {
  const result = new Map<number, { warehouses: string[]; units: number }>();
  if (orderIds.length === 0) return result;
  const rows = await db
    .selectFrom('order_items as i')
    .leftJoin('warehouses as w', 'w.id', 'i.warehouse_id')
    .select(['i.order_id', 'w.code', (eb) => eb.fn.sum<number>('i.quantity').as('units')])
    .where('i.order_id', 'in', orderIds)
    .groupBy(['i.order_id', 'w.code'])
    .orderBy('w.code')
    .execute();
  for (const r of rows) {
    const entry = result.get(r.order_id) ?? { warehouses: [], units: 0 };
    if (r.code !== null) entry.warehouses.push(r.code);
    entry.units += Number(r.units);
    result.set(r.order_id, entry);
  }
  return result;
}

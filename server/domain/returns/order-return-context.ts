import type { Kysely } from 'kysely';
import { CANCELLABLE_RETURN_STATUSES, LIVE_RETURN_STATUSES } from '../../../shared/returns/return-status';
import type { Database } from '../../db/schema';

const RETURNED_FOR_GOOD = LIVE_RETURN_STATUSES.filter((s) => !CANCELLABLE_RETURN_STATUSES.includes(s));

export interface OrderLineFacts {
  orderItemId: number;
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
}

/** What the return rules need to know about an order, read in one go. */
export interface OrderReturnContext {
  orderId: number;
  orderNo: string;
  paid: boolean;
  paidTotalFen: number;
  shippingFen: number;
  lines: OrderLineFacts[];
  /** Units per order item in live returns (other than `excludeReturnId`). */
  alreadyReturned: Map<number, number>;
  /** Units per order item in returns past cancelling (collected, received, refunded or closed), other than `excludeReturnId`; `returnsBefore` does not apply. */
  returnedForGood: Map<number, number>;
  /** Refunds of this order paid or being paid. */
  alreadyRefundedFen: number;
}

export async function loadOrderReturnContext(
  db: Kysely<Database>,
  orderId: number,
  options: { excludeReturnId?: number; returnsBefore?: number } = {},
): Promise<OrderReturnContext> {
  const [order, lines, returned, forGood, refunded] = await Promise.all([
    db.selectFrom('orders').select(['id', 'order_no', 'status', 'paid_total_fen', 'shipping_fen']).where('id', '=', orderId).executeTakeFirstOrThrow(),
    db
      .selectFrom('order_items as i')
      .innerJoin('products as p', 'p.id', 'i.product_id')
      .select(['i.id', 'p.sku', 'p.name', 'p.category', 'i.quantity', 'i.unit_price_fen'])
      .where('i.order_id', '=', orderId)
      .orderBy('i.id')
      .execute(),
    db
      .selectFrom('return_items as ri')
      .innerJoin('return_requests as r', 'r.id', 'ri.return_id')
      .select(['ri.order_item_id', (eb) => eb.fn.sum<number>('ri.quantity').as('units')])
      .where('r.order_id', '=', orderId)
      .where('r.status', 'in', LIVE_RETURN_STATUSES)
      .$if(options.excludeReturnId !== undefined, (q) => q.where('r.id', '!=', options.excludeReturnId!))
      .$if(options.returnsBefore !== undefined, (q) => q.where('r.id', '<', options.returnsBefore!))
      .groupBy('ri.order_item_id')
      .execute(),
    db
      .selectFrom('return_items as ri')
      .innerJoin('return_requests as r', 'r.id', 'ri.return_id')
      .select(['ri.order_item_id', (eb) => eb.fn.sum<number>('ri.quantity').as('units')])
      .where('r.order_id', '=', orderId)
      .where('r.status', 'in', RETURNED_FOR_GOOD)
      .$if(options.excludeReturnId !== undefined, (q) => q.where('r.id', '!=', options.excludeReturnId!))
      .groupBy('ri.order_item_id')
      .execute(),
    db
      .selectFrom('refunds')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('fen'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    orderId,
    orderNo: order.order_no,
    // Paid and not cancelled: a shipped order was paid too.
    paid: order.status === 'paid' || order.status === 'shipped',
    paidTotalFen: order.paid_total_fen,
    shippingFen: order.shipping_fen,
    lines: lines.map((l) => ({ orderItemId: l.id, sku: l.sku, name: l.name, category: l.category, quantity: l.quantity, unitPriceFen: l.unit_price_fen })),
    alreadyReturned: new Map(returned.map((r) => [r.order_item_id, Number(r.units)])),
    returnedForGood: new Map(forGood.map((r) => [r.order_item_id, Number(r.units)])),
    alreadyRefundedFen: Number(refunded.fen),
  };
}

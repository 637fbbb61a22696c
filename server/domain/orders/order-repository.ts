import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What after-sales needs of an order: its number (for the payment provider) and what was paid. */
export interface OrderPayment {
  id: number;
  orderNo: string;
  paidTotalFen: number;
}

export async function requireOrderPayment(db: Kysely<Database>, orderId: number): Promise<OrderPayment> {
  const row = await db.selectFrom('orders').select(['id', 'order_no', 'paid_total_fen']).where('id', '=', orderId).executeTakeFirstOrThrow();
  return { id: row.id, orderNo: row.order_no, paidTotalFen: row.paid_total_fen };
}

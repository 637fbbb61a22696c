import type { Kysely } from 'kysely';
import { ORDER_STATUSES } from '../../shared/api/shop';
import type { Database } from '../db/schema';
import { DEMO_API_KEY } from './demo-api-key';

export interface DemoOrder {
  orderNo: string;
  status: string;
  phoneLast4: string;
}

/** The newest order in each status, with the digits that open its page. */
export async function loadDemoOrders(db: Kysely<Database>): Promise<DemoOrder[]> {
  const found: DemoOrder[] = [];
  for (const status of ORDER_STATUSES) {
    const row = await db.selectFrom('orders').select(['order_no', 'recipient_phone']).where('status', '=', status).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (row) found.push({ orderNo: row.order_no, status, phoneLast4: row.recipient_phone.slice(-4) });
  }
  return found;
}

/** One line a newcomer can paste into a shell: an order for a demo SKU, with a fresh idempotency key. */
export function demoOrderCurl(baseUrl: string): string {
  const body = JSON.stringify({
    customer: { name: '张三', phone: '13800138000', address: { province: '广东省', city: '深圳市', district: '南山区', street: '科技园南区 8 栋 1203' } },
    lines: [{ sku: 'AP-1001', quantity: 1 }],
  });
  return `curl -s -X POST ${baseUrl}/api/shop/orders -H 'Authorization: Bearer ${DEMO_API_KEY}' -H "Idempotency-Key: demo-$RANDOM$RANDOM" -H 'Content-Type: application/json' -d '${body}'`;
}

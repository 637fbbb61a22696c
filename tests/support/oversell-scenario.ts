import { expect } from 'vitest';
import { BUYER, shopJson, shopRequest, stockBooks, type ShopTestApp } from './shop-fixtures';

/**
 * The oversell check of product document 4b: `buyers` orders at once for the last `units`
 * units, spread over every app instance given (several instances share one PostgreSQL). Exactly
 * `units` succeed, every other buyer is told 409 out_of_stock, and the books agree after:
 * on hand = reserved + available = the ledger's sum.
 */
export async function lastUnitsRush(instances: ShopTestApp[], key: string, buyers: number, units: number) {
  const [first] = instances;
  await shopJson(first!, key, '/products/LAST-UNITS', { method: 'PUT', body: { name: { 'zh-CN': '限量手办', en: 'Limited figure' }, category: 'home', priceFen: 29900 } }, 201);
  await shopJson(first!, key, '/stock/receipts', { body: { warehouse: 'GZ01', lines: [{ sku: 'LAST-UNITS', quantity: units }] } }, 201);

  const answers = await Promise.all(
    Array.from({ length: buyers }, (_, i) =>
      shopRequest(instances[i % instances.length]!, key, '/orders', {
        body: { customer: { ...BUYER, phone: `139${String(i).padStart(8, '0')}` }, lines: [{ sku: 'LAST-UNITS', quantity: 1 }] },
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { orderNo?: string; error?: { code: string } } })),
    ),
  );
  const won = answers.filter((a) => a.status === 201);
  const refused = answers.filter((a) => a.status === 409);
  expect(won).toHaveLength(units);
  expect(refused).toHaveLength(buyers - units);
  expect(new Set(refused.map((a) => a.body.error?.code))).toEqual(new Set(['out_of_stock']));

  const books = await stockBooks(first!.db, 'LAST-UNITS', 'GZ01');
  expect(books).toEqual({ onHand: units, reserved: units, available: 0, ledgerOnHand: units, ledgerReserved: units });
  const orders = await first!.db.selectFrom('orders').select('id').where('status', '=', 'pending_payment').execute();
  expect(orders.length).toBeGreaterThanOrEqual(units);
  return won.map((a) => a.body.orderNo!);
}

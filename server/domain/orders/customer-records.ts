import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * The customer an order is for, known by phone number (what a Chinese shop knows a buyer by):
 * the same phone is the same customer, so per-customer coupon caps hold across orders.
 */
export async function findOrCreateCustomer(trx: Kysely<Database>, customer: { name: string; phone: string }, now: number): Promise<number> {
  const existing = await trx.selectFrom('customers').select('id').where('phone', '=', customer.phone).orderBy('id').limit(1).executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await trx.insertInto('customers').values({ name: customer.name, phone: customer.phone, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return id;
}

import type { Kysely, Selectable } from 'kysely';
import type { CouponKind, PutCouponRequest } from '../../../shared/api/shop';
import type { Coupon } from '../../../shared/orders/coupon-rules';
import type { CouponTable, Database } from '../../db/schema';

export interface StoredCoupon extends Coupon {
  id: number;
}

export function toCoupon(row: Selectable<CouponTable>): StoredCoupon {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as CouponKind,
    percentOff: row.percent_off,
    amountOffFen: row.amount_off_fen,
    thresholdFen: row.threshold_fen,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    totalLimit: row.total_limit,
    perCustomerLimit: row.per_customer_limit,
    usedCount: row.used_count,
    active: row.active === 1,
  };
}

export async function findCouponsByCode(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, StoredCoupon>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('coupons').selectAll().where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, toCoupon(row)]));
}

export async function listCoupons(db: Kysely<Database>): Promise<StoredCoupon[]> {
  return (await db.selectFrom('coupons').selectAll().orderBy('code').execute()).map(toCoupon);
}

/** Creates or replaces a coupon's terms by code; the count of uses so far is kept. */
export async function upsertCoupon(db: Kysely<Database>, code: string, coupon: PutCouponRequest, now: number): Promise<{ created: boolean; coupon: StoredCoupon }> {
  const values = {
    kind: coupon.kind,
    percent_off: coupon.kind === 'percentage' ? (coupon.percentOff ?? null) : null,
    amount_off_fen: coupon.kind === 'percentage' ? null : (coupon.amountOffFen ?? null),
    threshold_fen: coupon.thresholdFen ?? 0,
    starts_at: coupon.startsAt ?? null,
    ends_at: coupon.endsAt ?? null,
    total_limit: coupon.totalLimit ?? null,
    per_customer_limit: coupon.perCustomerLimit ?? null,
    active: coupon.active === false ? 0 : 1,
    updated_at: now,
  };
  const existing = await db.selectFrom('coupons').select('id').where('code', '=', code).executeTakeFirst();
  if (existing) await db.updateTable('coupons').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('coupons').values({ code, ...values, created_at: now }).execute();
  const row = await db.selectFrom('coupons').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  return { created: !existing, coupon: toCoupon(row) };
}

/** Uses of a coupon by a customer that still count (not given back by a cancellation). */
export async function countCustomerUses(db: Kysely<Database>, couponId: number, customerId: number): Promise<number> {
  const { n } = await db
    .selectFrom('coupon_redemptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('coupon_id', '=', couponId)
    .where('customer_id', '=', customerId)
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Counts one use, guarded in the UPDATE itself: on PostgreSQL the row lock it takes makes
 * every other order for this coupon wait, so the cap holds however many press at once (and
 * the CHECK on used_count is the last guard). False when the cap was reached meanwhile.
 */
export async function takeCouponUse(trx: Kysely<Database>, couponId: number): Promise<boolean> {
  const result = await trx
    .updateTable('coupons')
    .set((eb) => ({ used_count: eb('used_count', '+', 1) }))
    .where('id', '=', couponId)
    .where((eb) => eb.or([eb('total_limit', 'is', null), eb('used_count', '<', eb.ref('total_limit'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordRedemption(trx: Kysely<Database>, r: { couponId: number; orderId: number; customerId: number; discountFen: number; at: number }): Promise<void> {
  await trx
    .insertInto('coupon_redemptions')
    .values({ coupon_id: r.couponId, order_id: r.orderId, customer_id: r.customerId, discount_fen: r.discountFen, created_at: r.at, released_at: null })
    .execute();
}

/** Gives back the coupon uses of a cancelled order, once: only redemptions not yet released. */
export async function releaseRedemptions(trx: Kysely<Database>, orderId: number, at: number): Promise<void> {
  const held = await trx.selectFrom('coupon_redemptions').select(['id', 'coupon_id']).where('order_id', '=', orderId).where('released_at', 'is', null).execute();
  for (const r of held) {
    await trx.updateTable('coupon_redemptions').set({ released_at: at }).where('id', '=', r.id).execute();
    await trx.updateTable('coupons').set((eb) => ({ used_count: eb('used_count', '-', 1) })).where('id', '=', r.coupon_id).execute();
  }
}

import { bucketOf } from './duration-buckets';
import { orderToShipMs } from './fulfilment-kpis';
import { orderSteps, orderTransitions, type OrderFacts } from './order-path';

/**
 * What one order gives the order side of the roll-ups, as a pure function of its facts: the
 * server folds an order in with +1 of each entry and, when its facts change, takes the same
 * entries of its old facts out with −1 (server/domain/analytics/order-rollup-fold.ts). Reading
 * the roll-ups back then gives what the formulas over the orders give
 * (shared/analytics/fulfilment-kpis.ts, whole-process-map.ts), durations to the bucket.
 */

/** An order as the roll-ups keep it: its facts, the shop day of its creation and its city. */
export type FoldedOrder = Pick<OrderFacts, 'createdAt' | 'paidAt' | 'pickedAt' | 'packedAt' | 'handedOverAt' | 'cancelledAt' | 'city'> & { day: number };

/** Day counts (analytics_counts). */
export const ORDER_COUNT = { placed: 'order:placed', paid: 'order:paid' } as const;

/** Duration and count rows (analytics_durations scopes). */
export const ORDER_SCOPE = { toShip: 'order_to_ship', node: 'order_node', edge: 'order_edge', cohort: 'order_cohort' } as const;

export type OrderRollupEntry =
  | { table: 'counts'; day: number; name: string }
  | { table: 'durations'; scope: string; dim: string; day: number; a: string; b: string; bucket: number };

/** The map's slices of an order: everything (''), and its city (the map's city filter). */
export const orderDims = (city: string): string[] => ['', `city:${city}`];

export function orderRollupEntries(o: FoldedOrder): OrderRollupEntry[] {
  const facts: OrderFacts = { ...o, status: '', payBy: null };
  const entries: OrderRollupEntry[] = [{ table: 'counts', day: o.day, name: ORDER_COUNT.placed }];
  if (o.paidAt !== null && o.paidAt > 0) entries.push({ table: 'counts', day: o.day, name: ORDER_COUNT.paid });
  const toShip = orderToShipMs(o);
  if (toShip !== null) entries.push({ table: 'durations', scope: ORDER_SCOPE.toShip, dim: '', day: o.day, a: '', b: '', bucket: bucketOf(toShip) });
  for (const dim of orderDims(o.city)) {
    entries.push({ table: 'durations', scope: ORDER_SCOPE.cohort, dim, day: o.day, a: '', b: '', bucket: 0 });
    for (const [step] of orderSteps(facts)) entries.push({ table: 'durations', scope: ORDER_SCOPE.node, dim, day: o.day, a: step, b: '', bucket: 0 });
    for (const t of orderTransitions(facts)) entries.push({ table: 'durations', scope: ORDER_SCOPE.edge, dim, day: o.day, a: t.from, b: t.to, bucket: bucketOf(t.ms) });
  }
  return entries;
}

/** The key an entry is summed under (one row of its table). */
export const entryKey = (e: OrderRollupEntry): string =>
  e.table === 'counts' ? `c|${e.day}|${e.name}` : `d|${e.scope}|${e.dim}|${e.day}|${e.a}|${e.b}|${e.bucket}`;

/**
 * Net change of many orders' entries: `taken` are the old facts of orders folded before,
 * `added` their facts now (and new orders'). Entries that cancel out are left out, so an order
 * folded again without a change writes nothing.
 */
export function netRollupChange(taken: readonly FoldedOrder[], added: readonly FoldedOrder[]): Array<{ entry: OrderRollupEntry; n: number }> {
  const net = new Map<string, { entry: OrderRollupEntry; n: number }>();
  const add = (orders: readonly FoldedOrder[], sign: number) => {
    for (const o of orders) {
      for (const entry of orderRollupEntries(o)) {
        const key = entryKey(entry);
        const was = net.get(key);
        if (was) was.n += sign;
        else net.set(key, { entry, n: sign });
      }
    }
  };
  add(taken, -1);
  add(added, 1);
  return [...net.values()].filter((x) => x.n !== 0);
}

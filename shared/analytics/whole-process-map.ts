import type { ProcessMap, ProcessNode } from '../api/ops-analytics';
import { orderSteps, orderTransitions, type OrderFacts } from './order-path';
import { nearestRank } from './nearest-rank';
import { assembleProcessMap, type EdgeStats } from './process-map';

/**
 * The whole process: the delivery map (tracking statuses of the range's shipments) with the
 * steps before the parcel added from the range's orders, and the slowest edge chosen again
 * over all edges together, so a slow pack shows up as the bottleneck as readily as a slow
 * line haul. `orders` are the map's orders already (created in the range, city filter applied).
 * With a courier filter the delivery map is returned as it is (see ProcessMap.orders).
 */
export function withOrderSide(
  delivery: ProcessMap,
  orders: readonly OrderFacts[],
  percentile: (values: readonly number[], p: number) => number | null = nearestRank,
): ProcessMap {
  return withOrderSideStats(delivery, orderSideOf(orders, percentile));
}

/** The order side of the map, counted: orders, their steps, and the transitions between them. */
export interface OrderSide {
  orders: number;
  nodes: ReadonlyArray<ProcessNode>;
  edges: ReadonlyArray<EdgeStats>;
}

/** The order side from the orders themselves (the roll-ups give the same from their rows). */
export function orderSideOf(orders: readonly OrderFacts[], percentile: (values: readonly number[], p: number) => number | null = nearestRank): OrderSide {
  const nodes = new Map<string, number>();
  const durations = new Map<string, number[]>();
  for (const o of orders) {
    for (const [step] of orderSteps(o)) nodes.set(step, (nodes.get(step) ?? 0) + 1);
    for (const t of orderTransitions(o)) {
      const key = `${t.from}>${t.to}`;
      const list = durations.get(key) ?? [];
      list.push(t.ms);
      durations.set(key, list);
    }
  }
  const edges: EdgeStats[] = [];
  for (const [key, values] of durations) {
    const [from, to] = key.split('>') as [string, string];
    edges.push({ from, to, count: values.length, medianMs: percentile(values, 50)!, p90Ms: percentile(values, 90)! });
  }
  return { orders: orders.length, nodes: [...nodes].map(([status, count]) => ({ status, count })), edges };
}

/** The delivery map with an order side added, the slowest edge chosen again over both. */
export function withOrderSideStats(delivery: ProcessMap, side: OrderSide): ProcessMap {
  if (delivery.filters.courier !== null) return delivery;
  const nodes = new Map<string, number>(delivery.nodes.map((n) => [n.status, n.count]));
  for (const n of side.nodes) nodes.set(n.status, (nodes.get(n.status) ?? 0) + n.count);
  const edges: EdgeStats[] = delivery.edges.map((e) => ({ from: e.from, to: e.to, count: e.count, medianMs: e.medianMs, p90Ms: e.p90Ms }));
  edges.push(...side.edges);
  const map = assembleProcessMap(
    { range: delivery.range, filters: delivery.filters, shipments: delivery.shipments },
    [...nodes].map(([status, count]) => ({ status, count })),
    edges,
  );
  return { ...map, orders: side.orders };
}

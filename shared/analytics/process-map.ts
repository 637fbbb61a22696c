import type { ProcessEdge, ProcessMap, ProcessNode } from '../api/ops-analytics';
import { inLogOrder, type LogShipment } from './event-log';
import { nearestRank } from './nearest-rank';
import { rangeBounds } from './shop-days';

/**
 * Where each status sits in the process, for telling rework (a step back) from progress.
 * AttemptFail and Exception share a rank: both are detours from the way to the door, so
 * AttemptFail → OutForDelivery and Exception → InTransit/OutForDelivery go back, while
 * Exception after a failed attempt does not.
 */
export const PROCESS_STAGE_ORDER: Readonly<Record<string, number>> = {
  // Before the parcel (shared/analytics/order-path.ts).
  OrderPlaced: -5,
  Paid: -4,
  Picked: -3,
  Packed: -2,
  HandedOver: -1,
  Pending: 0,
  InfoReceived: 1,
  InTransit: 2,
  OutForDelivery: 3,
  AttemptFail: 4,
  Exception: 4,
  AvailableForPickup: 5,
  Delivered: 6,
  Expired: 7,
  // An order's end without a parcel: placed last so a cancellation is never called rework.
  Cancelled: 8,
};

const rank = (status: string) => PROCESS_STAGE_ORDER[status] ?? 99;

/** A step to an earlier stage; a status followed by itself (hub to hub) is not rework. */
export const isRework = (from: string, to: string): boolean => from !== to && rank(to) < rank(from);

/**
 * Fewest transitions an edge needs before it may be called the slowest: 5, or 0.1 % of all.
 * Enough that one odd parcel cannot be "the bottleneck", few enough that a real loop (failed
 * attempts are a few % of a month's transitions) can.
 */
export const slowestMinCount = (totalTransitions: number): number => Math.max(5, Math.ceil(totalTransitions / 1000));

/**
 * A step into Expired measures the carrier's give-up rule (days of waiting by design), not work
 * that could go faster: naming it "where time is lost" would point the manager at a timer.
 * The same holds for Cancelled (an unpaid order's payment deadline running out).
 */
export const canBeTheBottleneck = (edge: Pick<EdgeStats, 'to'>): boolean => edge.to !== 'Expired' && edge.to !== 'Cancelled';

export interface EdgeStats {
  from: string;
  to: string;
  count: number;
  medianMs: number;
  p90Ms: number;
}

/** Nodes in stage order; edges most frequent first, with rework and the single slowest edge marked. */
export function assembleProcessMap(
  base: Pick<ProcessMap, 'range' | 'filters' | 'shipments'>,
  nodeCounts: ReadonlyArray<ProcessNode>,
  edgeStats: ReadonlyArray<EdgeStats>,
): ProcessMap {
  const total = edgeStats.reduce((n, e) => n + e.count, 0);
  const minCount = slowestMinCount(total);
  let slowest: EdgeStats | null = null;
  for (const e of edgeStats) {
    if (e.count < minCount || !canBeTheBottleneck(e)) continue;
    if (!slowest || e.medianMs > slowest.medianMs || (e.medianMs === slowest.medianMs && `${e.from}>${e.to}` < `${slowest.from}>${slowest.to}`)) slowest = e;
  }
  const edges: ProcessEdge[] = edgeStats
    .map((e) => ({ ...e, rework: isRework(e.from, e.to), slowest: e === slowest }))
    .sort((a, b) => b.count - a.count || (`${a.from}>${a.to}` < `${b.from}>${b.to}` ? -1 : 1));
  const nodes = nodeCounts.filter((n) => n.count > 0).sort((a, b) => rank(a.status) - rank(b.status) || (a.status < b.status ? -1 : 1));
  return { ...base, nodes, edges };
}

/**
 * The directly-follows graph in memory: delivery shipments created in the range with at least
 * one event (and matching the filters); each consecutive pair of a shipment's events, in log
 * order, is a transition.
 */
export function processMapFromLog(
  shipments: readonly LogShipment[],
  query: { from: string; to: string; courier?: number; city?: string },
  timeZone: string,
  percentile: (values: readonly number[], p: number) => number | null = nearestRank,
): ProcessMap {
  const { start, end } = rangeBounds(query.from, query.to, timeZone);
  const chosen = shipments.filter(
    (s) =>
      s.leg === 'delivery' &&
      s.events.length > 0 &&
      s.createdAt >= start &&
      s.createdAt < end &&
      (query.courier === undefined || s.courierId === query.courier) &&
      (query.city === undefined || s.destinationCity === query.city),
  );
  const nodes = new Map<string, number>();
  const durations = new Map<string, number[]>();
  for (const s of chosen) {
    const events = inLogOrder(s.events);
    events.forEach((e, i) => {
      nodes.set(e.status, (nodes.get(e.status) ?? 0) + 1);
      const next = events[i + 1];
      if (!next) return;
      const key = `${e.status}>${next.status}`;
      durations.set(key, [...(durations.get(key) ?? []), next.occurredAt - e.occurredAt]);
    });
  }
  return assembleProcessMap(
    { range: { from: query.from, to: query.to }, filters: { courier: query.courier ?? null, city: query.city ?? null }, shipments: chosen.length },
    [...nodes].map(([status, count]) => ({ status, count })),
    [...durations].map(([key, values]) => {
      const [from, to] = key.split('>') as [string, string];
      return { from, to, count: values.length, medianMs: percentile(values, 50)!, p90Ms: percentile(values, 90)! };
    }),
  );
}

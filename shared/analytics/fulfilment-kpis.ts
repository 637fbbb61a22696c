import type { FulfilmentKpis } from '../api/ops-analytics';
import type { OrderFacts } from './order-path';
import { nearestRank } from './nearest-rank';

/**
 * The dashboard's order-side figures for a range of shop days [start, end), as pure formulas
 * over plain facts. The server computes the same from the tables (fulfilment-queries.ts) and
 * the API tests check the two agree. Definitions: FulfilmentKpis in shared/api/ops-analytics.ts.
 */

export interface PickScanFact {
  outcome: string;
  scannedAt: number;
}

/** One stock-ledger row: enough for stock-outs and turnover. */
export interface LedgerFact {
  warehouseId: number;
  productId: number;
  kind: string;
  onHandDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  createdAt: number;
}

export interface FulfilmentLog {
  orders: readonly OrderFacts[];
  pickScans: readonly PickScanFact[];
  ledger: readonly LedgerFact[];
}

/** An order still waiting for payment inside its deadline: it may yet pay, so it is not counted either way. */
export const isPendingInDeadline = (o: Pick<OrderFacts, 'status' | 'payBy'>, now: number): boolean =>
  o.status === 'pending_payment' && (o.payBy === null || o.payBy > now);

/** Paid ÷ (placed − still pending inside the deadline); null when nothing is decided. */
export const paymentConversion = (placed: number, paid: number, pendingInDeadline: number): number | null =>
  placed - pendingInDeadline <= 0 ? null : paid / (placed - pendingInDeadline);

/** Paid → handed over, or → packed while not handed over yet; null when neither (or unpaid). */
export function orderToShipMs(o: Pick<OrderFacts, 'paidAt' | 'packedAt' | 'handedOverAt'>): number | null {
  if (o.paidAt === null || o.paidAt <= 0) return null;
  const end = o.handedOverAt ?? o.packedAt;
  return end === null ? null : end - o.paidAt;
}

/** Picked scans ÷ all scans (a wrong item or a repeated scan is a miss); null without scans. */
export const pickAccuracy = (picked: number, all: number): number | null => (all === 0 ? null : picked / all);

/** Units shipped ÷ average on-hand units; null when nothing was on hand on average. */
export const inventoryTurnover = (unitsShipped: number, averageOnHand: number): number | null =>
  averageOnHand <= 0 ? null : unitsShipped / averageOnHand;

/**
 * Average on-hand units over a range: the mean, over its days, of all SKUs' on hand at the end
 * of each day (the ledger's deltas summed up to that day's end).
 */
export function averageOnHand(ledger: readonly LedgerFact[], dayEnds: readonly number[]): number {
  if (dayEnds.length === 0) return 0;
  let sum = 0;
  for (const end of dayEnds) sum += ledger.filter((r) => r.createdAt < end).reduce((s, r) => s + r.onHandDelta, 0);
  return sum / dayEnds.length;
}

/** The range's figures from the facts; `dayEnds` are the ends of the range's shop days, `now` decides "still pending". */
export function fulfilmentKpisFromLog(
  log: FulfilmentLog,
  bounds: { start: number; end: number; dayEnds: readonly number[] },
  now: number,
  percentile: (values: readonly number[], p: number) => number | null = nearestRank,
): FulfilmentKpis {
  const inRange = (t: number) => t >= bounds.start && t < bounds.end;
  const placed = log.orders.filter((o) => inRange(o.createdAt));
  const paid = placed.filter((o) => o.paidAt !== null && o.paidAt > 0).length;
  const pending = placed.filter((o) => isPendingInDeadline(o, now)).length;
  const toShip = placed.map(orderToShipMs).filter((ms): ms is number => ms !== null);
  const scans = log.pickScans.filter((s) => inRange(s.scannedAt));
  const picked = scans.filter((s) => s.outcome === 'picked').length;
  const outs = new Set(log.ledger.filter((r) => inRange(r.createdAt) && r.onHandAfter - r.reservedAfter <= 0).map((r) => `${r.warehouseId}:${r.productId}`));
  const unitsShipped = -log.ledger.filter((r) => inRange(r.createdAt) && r.kind === 'shipment').reduce((s, r) => s + r.onHandDelta, 0);
  const onHand = averageOnHand(log.ledger, bounds.dayEnds);
  return {
    ordersPlaced: placed.length,
    ordersPaid: paid,
    ordersPendingInDeadline: pending,
    paymentConversion: paymentConversion(placed.length, paid, pending),
    orderToShip: { medianMs: percentile(toShip, 50), p90Ms: percentile(toShip, 90), count: toShip.length },
    pickScans: scans.length,
    pickScansPicked: picked,
    pickAccuracy: pickAccuracy(picked, scans.length),
    stockOuts: outs.size,
    unitsShipped,
    averageOnHand: onHand,
    inventoryTurnover: inventoryTurnover(unitsShipped, onHand),
  };
}

import { describe, expect, it } from 'vitest';
import { bucketedPercentile, bucketOf, histogramPercentile } from '../../shared/analytics/duration-buckets';
import { netRollupChange, orderRollupEntries, type FoldedOrder, type OrderRollupEntry } from '../../shared/analytics/order-rollup';
import { orderSideOf } from '../../shared/analytics/whole-process-map';

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);
const DAY = 20_777;
const order = (o: Partial<FoldedOrder> = {}): FoldedOrder => ({
  day: DAY,
  city: '上海市',
  createdAt: T0,
  paidAt: null,
  pickedAt: null,
  packedAt: null,
  handedOverAt: null,
  cancelledAt: null,
  ...o,
});

const counts = (entries: OrderRollupEntry[]) => entries.flatMap((e) => (e.table === 'counts' ? [e.name] : []));
const of = (entries: OrderRollupEntry[], scope: string, dim = '') =>
  entries.flatMap((e) => (e.table === 'durations' && e.scope === scope && e.dim === dim ? [e.b ? `${e.a}>${e.b}@${e.bucket}` : e.a || `#${e.bucket}`] : []));

describe('what one order gives the roll-ups', () => {
  it.each([
    ['placed, unpaid', order(), ['order:placed'], [], ['OrderPlaced'], []],
    ['cancelled unpaid', order({ cancelledAt: T0 + H / 2 }), ['order:placed'], [], ['OrderPlaced', 'Cancelled'], [`OrderPlaced>Cancelled@${bucketOf(H / 2)}`]],
    ['paid only: not shipped, no order → ship yet', order({ paidAt: T0 + 60_000 }), ['order:placed', 'order:paid'], [], ['OrderPlaced', 'Paid'], [`OrderPlaced>Paid@${bucketOf(60_000)}`]],
    [
      'packed: order → ship ends at the pack',
      order({ paidAt: T0 + H, pickedAt: T0 + 2 * H, packedAt: T0 + 4 * H }),
      ['order:placed', 'order:paid'],
      [`#${bucketOf(3 * H)}`],
      ['OrderPlaced', 'Paid', 'Picked', 'Packed'],
      [`OrderPlaced>Paid@${bucketOf(H)}`, `Paid>Picked@${bucketOf(H)}`, `Picked>Packed@${bucketOf(2 * H)}`],
    ],
    [
      'handed over: at the hand-over',
      order({ paidAt: T0 + H, pickedAt: T0 + 2 * H, packedAt: T0 + 4 * H, handedOverAt: T0 + 9 * H }),
      ['order:placed', 'order:paid'],
      [`#${bucketOf(8 * H)}`],
      ['OrderPlaced', 'Paid', 'Picked', 'Packed', 'HandedOver'],
      [`OrderPlaced>Paid@${bucketOf(H)}`, `Paid>Picked@${bucketOf(H)}`, `Picked>Packed@${bucketOf(2 * H)}`, `Packed>HandedOver@${bucketOf(5 * H)}`],
    ],
    ['no pick recorded: paid → packed directly', order({ paidAt: T0 + H, packedAt: T0 + 2 * H }), ['order:placed', 'order:paid'], [`#${bucketOf(H)}`], ['OrderPlaced', 'Paid', 'Packed'], [`OrderPlaced>Paid@${bucketOf(H)}`, `Paid>Packed@${bucketOf(H)}`]],
  ])('%s', (_, o, dayCounts, toShip, nodes, edges) => {
    const entries = orderRollupEntries(o);
    expect(counts(entries)).toEqual(dayCounts);
    expect(of(entries, 'order_to_ship')).toEqual(toShip);
    expect(of(entries, 'order_cohort')).toEqual(['#0']);
    expect(of(entries, 'order_node')).toEqual(nodes);
    expect(of(entries, 'order_edge')).toEqual(edges);
    // The city's slice holds the same steps; order → ship is only kept for everything.
    expect(of(entries, 'order_node', 'city:上海市')).toEqual(nodes);
    expect(of(entries, 'order_edge', 'city:上海市')).toEqual(edges);
    expect(of(entries, 'order_to_ship', 'city:上海市')).toEqual([]);
    expect(entries.every((e) => e.day === DAY)).toBe(true);
  });
});

describe('the net change of a fold', () => {
  it('an order folded again unchanged writes nothing', () => {
    const o = order({ paidAt: T0 + H, packedAt: T0 + 2 * H });
    expect(netRollupChange([o], [o])).toEqual([]);
  });

  it('a payment moves the order from placed-only to paid: +paid, a node and an edge, nothing else', () => {
    const change = netRollupChange([order()], [order({ paidAt: T0 + H })]);
    expect(change.map(({ entry, n }) => [entry.table === 'counts' ? entry.name : `${entry.scope}:${entry.dim}:${entry.a}>${entry.b}`, n])).toEqual([
      ['order:paid', 1],
      ['order_node::Paid>', 1],
      [`order_edge::OrderPlaced>Paid`, 1],
      ['order_node:city:上海市:Paid>', 1],
      ['order_edge:city:上海市:OrderPlaced>Paid', 1],
    ]);
  });

  it('a hand-over moves order → ship from the pack’s bucket to the hand-over’s', () => {
    const packed = order({ paidAt: T0 + H, packedAt: T0 + 2 * H });
    const change = netRollupChange([packed], [{ ...packed, handedOverAt: T0 + 6 * H }]).filter(({ entry }) => entry.table === 'durations' && entry.scope === 'order_to_ship');
    expect(change.map(({ entry, n }) => [entry.table === 'durations' ? entry.bucket : -1, n])).toEqual([
      [bucketOf(H), -1],
      [bucketOf(5 * H), 1],
    ]);
  });

  it('summed over many orders, the entries give what the formulas give over the orders themselves', () => {
    const orders = Array.from({ length: 40 }, (_, i) =>
      order({ paidAt: i % 5 === 0 ? null : T0 + (i + 1) * 60_000, packedAt: i % 5 === 0 ? null : T0 + (i + 2) * H, handedOverAt: i % 3 === 0 ? null : T0 + (i + 3) * H, cancelledAt: i % 5 === 0 ? T0 + H : null }),
    );
    const sum = netRollupChange([], orders);
    const nodes = new Map<string, number>();
    const edges = new Map<string, Map<number, number>>();
    for (const { entry, n } of sum) {
      if (entry.table !== 'durations' || entry.dim !== '') continue;
      if (entry.scope === 'order_node') nodes.set(entry.a, n);
      if (entry.scope === 'order_edge') edges.set(`${entry.a}>${entry.b}`, new Map([...(edges.get(`${entry.a}>${entry.b}`) ?? []), [entry.bucket, n]]));
    }
    const side = orderSideOf(orders.map((o) => ({ ...o, status: '', payBy: null })), bucketedPercentile);
    expect(Object.fromEntries(nodes)).toEqual(Object.fromEntries(side.nodes.map((n) => [n.status, n.count])));
    for (const e of side.edges) {
      const h = edges.get(`${e.from}>${e.to}`)!;
      expect([[...h.values()].reduce((s, v) => s + v, 0), histogramPercentile(h, 50), histogramPercentile(h, 90)]).toEqual([e.count, e.medianMs, e.p90Ms]);
    }
    expect(sum.find(({ entry }) => entry.table === 'counts' && entry.name === 'order:placed')?.n).toBe(40);
    expect(sum.find(({ entry }) => entry.table === 'counts' && entry.name === 'order:paid')?.n).toBe(32);
  });
});

/**
 * The steps an order takes before its parcel reaches a courier, as nodes of the process map:
 * OrderPlaced → Paid → Picked → Packed → HandedOver (or → Cancelled). Each order's path is the
 * facts it has, in this fixed order, so an order whose pick was not recorded goes Paid →
 * Packed directly (a directly-follows graph of what happened, not of what should have).
 */
export const ORDER_STEPS = ['OrderPlaced', 'Paid', 'Picked', 'Packed', 'HandedOver'] as const;
export type OrderStep = (typeof ORDER_STEPS)[number] | 'Cancelled';

/** One order's facts (epoch ms; null when not (yet) there). */
export interface OrderFacts {
  createdAt: number;
  /** Null while unpaid (the table keeps 0 for that). */
  paidAt: number | null;
  pickedAt: number | null;
  packedAt: number | null;
  /** The first hand-over of any of its delivery parcels. */
  handedOverAt: number | null;
  cancelledAt: number | null;
  /** 'pending_payment' | 'paid' | 'shipped' | 'cancelled'. */
  status: string;
  /** Deadline to pay; null when none. */
  payBy: number | null;
  city: string;
}

/** The order's steps that happened, in order, with their times. */
export function orderSteps(o: OrderFacts): Array<[OrderStep, number]> {
  const steps: Array<[OrderStep, number]> = [['OrderPlaced', o.createdAt]];
  const add = (step: OrderStep, at: number | null) => {
    if (at !== null && at > 0) steps.push([step, at]);
  };
  add('Paid', o.paidAt);
  add('Picked', o.pickedAt);
  add('Packed', o.packedAt);
  add('HandedOver', o.handedOverAt);
  // Cancelled after the last step it reached (unpaid orders past their deadline, mostly).
  add('Cancelled', o.cancelledAt);
  return steps;
}

/** Consecutive steps of the order as transitions (from, to, ms). */
export function orderTransitions(o: OrderFacts): Array<{ from: OrderStep; to: OrderStep; ms: number }> {
  const steps = orderSteps(o);
  return steps.slice(1).map(([to, at], i) => ({ from: steps[i]![0], to, ms: at - steps[i]![1] }));
}

/** The steps' names on the map (the delivery statuses have theirs in shared/tracking/statuses.ts). */
export const ORDER_STEP_LABELS: Readonly<Record<OrderStep, { 'zh-CN': string; en: string }>> = {
  OrderPlaced: { 'zh-CN': '下单', en: 'Order placed' },
  Paid: { 'zh-CN': '已支付', en: 'Paid' },
  Picked: { 'zh-CN': '已拣货', en: 'Picked' },
  Packed: { 'zh-CN': '已打包', en: 'Packed' },
  HandedOver: { 'zh-CN': '已交接揽收', en: 'Handed over' },
  Cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
};

export const isOrderStep = (s: string): s is OrderStep => Object.hasOwn(ORDER_STEP_LABELS, s);

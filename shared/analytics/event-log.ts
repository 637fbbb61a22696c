/**
 * A small in-memory event log: what the formulas in this folder read. The server never builds
 * one for a report (it computes the same figures in SQL); tests build them by hand, and the API
 * tests check that SQL over the database agrees with these formulas over the same log.
 */
export interface LogEvent {
  id: number;
  status: string;
  subStatus: string;
  occurredAt: number;
  reasonCode: string | null;
}

export interface LogShipment {
  id: number;
  /** Only `delivery` legs are shipments of the report; `return` legs are ignored. */
  leg: string;
  /**
   * A parcel sent again after a lost-parcel claim (the claim's resend). Not counted as 发货
   * (shipped): that figure is orders sent out, beside 订单, and one order sent twice is one
   * order shipped. Optional: absent means a first parcel.
   */
  resend?: boolean;
  courierId: number | null;
  destinationCity: string;
  createdAt: number;
  promisedBy: number | null;
  deliveredAt: number | null;
  events: readonly LogEvent[];
}

export interface KpiLog {
  orders: ReadonlyArray<{ createdAt: number }>;
  shipments: readonly LogShipment[];
  returns: ReadonlyArray<{ createdAt: number; reasonCode: string }>;
  refunds: ReadonlyArray<{ status: string; amountFen: number; completedAt: number | null }>;
  feedback: ReadonlyArray<{ createdAt: number; csat: number; nps: number | null }>;
  feedbackCategories: ReadonlyArray<{ createdAt: number; category: string }>;
}

/** A shipment's events in log order: by occurred_at, then id (the order they were recorded in on ties). */
export function inLogOrder(events: readonly LogEvent[]): LogEvent[] {
  return [...events].sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
}

import type { KpiReport, Stage, StageTimeRow } from '../api/ops-analytics';
import { inLogOrder, type KpiLog, type LogShipment } from './event-log';
import { assembleKpiReport, emptyDayCounts, type DayCounts } from './kpi-report';
import { nearestRank } from './nearest-rank';
import { shopDate } from '../time/shop-calendar';
import { rangeBounds } from './shop-days';

/** How a list of durations becomes a percentile: exactly (nearestRank), or as the roll-ups do (bucketedPercentile). */
export type Percentile = (values: readonly number[], p: number) => number | null;

/** The dashboard's report computed in memory from an event log: the reference the SQL must equal. */
export function kpiReportFromLog(log: KpiLog, range: { from: string; to: string }, timeZone: string, percentile: Percentile = nearestRank): KpiReport {
  const { start, end } = rangeBounds(range.from, range.to, timeZone);
  const inRange = (t: number | null): t is number => t !== null && t >= start && t < end;
  const days = new Map<string, DayCounts>();
  const add = (t: number, f: (c: DayCounts) => void) => {
    const day = shopDate(t, timeZone);
    const c = days.get(day) ?? emptyDayCounts();
    f(c);
    days.set(day, c);
  };

  for (const o of log.orders) if (inRange(o.createdAt)) add(o.createdAt, (c) => c.orders++);

  const exceptionReasons = new Map<string, number>();
  const stageValues = new Map<Stage, number[]>();
  const addStage = (stage: Stage, ms: number) => stageValues.set(stage, [...(stageValues.get(stage) ?? []), ms]);

  for (const s of log.shipments.filter((x) => x.leg === 'delivery')) {
    if (!s.resend && inRange(s.createdAt)) add(s.createdAt, (c) => c.shipments++);
    const events = inLogOrder(s.events);
    for (const e of events) {
      if (e.status !== 'Exception' || !inRange(e.occurredAt)) continue;
      add(e.occurredAt, (c) => c.exceptions++);
      const reason = e.reasonCode ?? e.subStatus;
      exceptionReasons.set(reason, (exceptionReasons.get(reason) ?? 0) + 1);
    }
    const deliveredAt = deliveredAtOf(s);
    if (!inRange(deliveredAt)) continue;
    add(deliveredAt, (c) => {
      c.delivered++;
      if (s.promisedBy !== null) {
        c.promised++;
        if (deliveredAt <= s.promisedBy) c.onTime++;
      }
      if (isFirstAttempt(s)) c.firstAttempt++;
    });
    for (const [stage, ms] of stageDurations(s)) addStage(stage, ms);
  }

  const returnReasons = new Map<string, number>();
  for (const r of log.returns) {
    if (!inRange(r.createdAt)) continue;
    add(r.createdAt, (c) => c.returns++);
    returnReasons.set(r.reasonCode, (returnReasons.get(r.reasonCode) ?? 0) + 1);
  }
  for (const r of log.refunds) {
    if (r.status !== 'succeeded' || !inRange(r.completedAt)) continue;
    add(r.completedAt, (c) => {
      c.refundsFen += r.amountFen;
      c.refundCount++;
    });
  }
  for (const f of log.feedback) {
    if (!inRange(f.createdAt)) continue;
    add(f.createdAt, (c) => {
      c.csatSum += f.csat;
      c.csatCount++;
      if (f.nps !== null) {
        c.npsCount++;
        if (f.nps >= 9) c.promoters++;
        else if (f.nps <= 6) c.detractors++;
      }
    });
  }
  const categories = new Map<string, number>();
  for (const f of log.feedbackCategories) {
    if (!inRange(f.createdAt)) continue;
    const key = `${shopDate(f.createdAt, timeZone)}|${f.category}`;
    categories.set(key, (categories.get(key) ?? 0) + 1);
  }

  const stageTimes: StageTimeRow[] = [...stageValues].map(([stage, values]) => ({
    stage,
    medianMs: percentile(values, 50),
    p90Ms: percentile(values, 90),
    count: values.length,
  }));
  return assembleKpiReport(range, {
    days,
    exceptionReasons: [...exceptionReasons].map(([reasonCode, count]) => ({ reasonCode, count })),
    stageTimes,
    returnReasons: [...returnReasons].map(([reasonCode, count]) => ({ reasonCode, count })),
    feedbackCategories: [...categories].map(([key, count]) => {
      const [day, category] = key.split('|') as [string, string];
      return { day, category, count };
    }),
  });
}

/** When the shipment was delivered: its first Delivered event (the log, not a column, so a report can be rebuilt from the log). */
export function deliveredAtOf(s: LogShipment): number | null {
  const times = s.events.filter((e) => e.status === 'Delivered').map((e) => e.occurredAt);
  return times.length === 0 ? null : Math.min(...times);
}

/** Delivered with no AttemptFail event that occurred before its delivery. */
export function isFirstAttempt(s: LogShipment): boolean {
  const deliveredAt = deliveredAtOf(s);
  return deliveredAt !== null && !s.events.some((e) => e.status === 'AttemptFail' && e.occurredAt < deliveredAt);
}

/** The stage durations one delivered shipment contributes (see STAGES). */
export function stageDurations(s: LogShipment): Array<[Stage, number]> {
  const events = inLogOrder(s.events);
  const first = (status: string) => {
    const times = events.filter((e) => e.status === status).map((e) => e.occurredAt);
    return times.length === 0 ? null : Math.min(...times);
  };
  const pickedUp = first('InTransit');
  const out = first('OutForDelivery');
  const deliveredAt = first('Delivered');
  const result: Array<[Stage, number]> = [];
  if (pickedUp !== null) result.push(['ordered_to_picked_up', pickedUp - s.createdAt]);
  if (pickedUp !== null && out !== null) result.push(['picked_up_to_out_for_delivery', out - pickedUp]);
  if (out !== null && deliveredAt !== null) result.push(['out_for_delivery_to_delivered', deliveredAt - out]);
  events.forEach((e, i) => {
    const next = events[i + 1];
    if (!next) return;
    if (e.status === 'AttemptFail') result.push(['in_attempt_fail', next.occurredAt - e.occurredAt]);
    if (e.status === 'Exception') result.push(['in_exception', next.occurredAt - e.occurredAt]);
  });
  return result;
}

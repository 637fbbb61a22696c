import type { FulfilmentKpis, KpiReport, KpiTable } from '../../../shared/api/ops-analytics';

/**
 * One table of the dashboard as CSV: a header row, RFC 4180 quoting, CRLF line ends, and a
 * UTF-8 byte-order mark so Excel (in China set to GBK by default) opens 中文 correctly.
 * Rates are left as fractions with full precision: a spreadsheet formats them.
 */
const BOM = '\uFEFF';

type Cell = string | number | null;

const cell = (v: Cell): string => {
  if (v === null) return '';
  const s = String(v);
  // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function kpiTableCsv(report: KpiReport, table: KpiTable, fulfilment?: FulfilmentKpis): string {
  switch (table) {
    case 'daily':
      return toCsv(
        ['day', 'orders', 'shipments', 'delivered', 'promised', 'on_time', 'on_time_rate', 'first_attempt', 'first_attempt_rate', 'exceptions', 'returns', 'refunds_fen', 'csat_mean', 'nps'],
        report.daily.map((d) => [d.day, d.orders, d.shipments, d.delivered, d.promised, d.onTime, d.onTimeRate, d.firstAttempt, d.firstAttemptRate, d.exceptions, d.returns, d.refundsFen, d.csatMean, d.nps]),
      );
    case 'exceptions':
      return toCsv(['reason_code', 'count', 'per_100_shipments'], report.exceptionsByReason.map((r) => [r.reasonCode, r.count, r.per100]));
    case 'stages':
      return toCsv(['stage', 'median_ms', 'p90_ms', 'count'], report.stageTimes.map((s) => [s.stage, s.medianMs, s.p90Ms, s.count]));
    case 'returns':
      return toCsv(['reason_code', 'count'], report.returnReasons.map((r) => [r.reasonCode, r.count]));
    case 'feedback':
      return toCsv(['day', 'category', 'count'], report.feedbackCategoriesByDay.map((r) => [r.day, r.category, r.count]));
    case 'fulfilment':
      return toCsv(['figure', 'value'], fulfilment ? fulfilmentRows(fulfilment) : []);
  }
}

/** The order-side figures as one row each (names as in FulfilmentKpis, snake case). */
function fulfilmentRows(f: FulfilmentKpis): Array<[string, Cell]> {
  return [
    ['orders_placed', f.ordersPlaced],
    ['orders_paid', f.ordersPaid],
    ['orders_pending_in_deadline', f.ordersPendingInDeadline],
    ['payment_conversion', f.paymentConversion],
    ['order_to_ship_median_ms', f.orderToShip.medianMs],
    ['order_to_ship_p90_ms', f.orderToShip.p90Ms],
    ['order_to_ship_count', f.orderToShip.count],
    ['pick_scans', f.pickScans],
    ['pick_scans_picked', f.pickScansPicked],
    ['pick_accuracy', f.pickAccuracy],
    ['stock_outs', f.stockOuts],
    ['units_shipped', f.unitsShipped],
    ['average_on_hand', f.averageOnHand],
    ['inventory_turnover', f.inventoryTurnover],
  ];
}

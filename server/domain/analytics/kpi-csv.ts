import type { KpiReport, KpiTable } from '../../../shared/api/ops-analytics';

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

export function kpiTableCsv(report: KpiReport, table: KpiTable): string {
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
  }
}

/** Roll-ups behind the ops dashboard and process map (see migration 06 and server/domain/analytics/rollup-refresh.ts). */
export interface AnalyticsTables {
  analytics_counts: AnalyticsCountTable;
  analytics_durations: AnalyticsDurationTable;
  analytics_folded: AnalyticsFoldedTable;
  analytics_buckets: AnalyticsBucketTable;
  analytics_state: AnalyticsStateTable;
}

export interface AnalyticsCountTable {
  /** Shop day as days since 1970-01-01 of the local date. */
  day: number;
  /** orders · shipments · delivered · promised · on_time · first_attempt · exception:<reason>. */
  name: string;
  n: number;
}

export interface AnalyticsDurationTable {
  /** edge · node · cohort · stage. */
  scope: string;
  /** '' (all) · city:<name> · courier:<id> · courier:<id>|city:<name>. */
  dim: string;
  day: number;
  a: string;
  b: string;
  bucket: number;
  n: number;
}

export interface AnalyticsFoldedTable {
  shipment_id: number;
  courier_id: number | null;
}

export interface AnalyticsBucketTable {
  bucket: number;
  lo: number;
}

export interface AnalyticsStateTable {
  id: number;
  time_zone: string;
  events_upto: number;
  shipments_upto: number;
  orders_upto: number;
  built_at: number;
}

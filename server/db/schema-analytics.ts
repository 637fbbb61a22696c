import type { Generated } from 'kysely';

/** Roll-ups behind the ops dashboard and process map (see migration 06 and server/domain/analytics/rollup-refresh.ts). */
export interface AnalyticsTables {
  analytics_counts: AnalyticsCountTable;
  analytics_durations: AnalyticsDurationTable;
  analytics_folded: AnalyticsFoldedTable;
  analytics_buckets: AnalyticsBucketTable;
  analytics_state: AnalyticsStateTable;
  analytics_orders_folded: AnalyticsOrderFoldedTable;
  analytics_stock_outs: AnalyticsStockOutTable;
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
  pick_scans_upto: Generated<number>;
  ledger_upto: Generated<number>;
  built_at: number;
}

/** What an order gave the roll-ups when last folded (migration 95): taken out again when it changes. */
export interface AnalyticsOrderFoldedTable {
  order_id: number;
  /** Shop day of its creation. */
  day: number;
  city: string;
  created_at: number;
  paid_at: number | null;
  picked_at: number | null;
  packed_at: number | null;
  handed_over_at: number | null;
  cancelled_at: number | null;
}

/** A SKU out of stock (on hand − reserved ≤ 0) in a warehouse on a shop day. */
export interface AnalyticsStockOutTable {
  day: number;
  warehouse_id: number;
  product_id: number;
}

import type { FulfilmentKpis, KpiReport, KpiTable, ProcessMap } from '../../shared/api/ops-analytics';
import { api } from './api-client';
import { okResponse } from './api-error';

/**
 * The dashboard's figures and the process map (staff only). Days are shop days, YYYY-MM-DD,
 * both inclusive; a backwards or over-long range is a 400.
 */
export async function fetchKpis(range: { from: string; to: string }): Promise<KpiReport> {
  const response = await okResponse(() => api.ops.kpis.$get({ query: range }));
  return response.json();
}

/** The order-side figures: payment conversion, order-to-ship, pick accuracy, stock-outs, turnover. */
export async function fetchFulfilmentKpis(range: { from: string; to: string }): Promise<FulfilmentKpis> {
  const response = await okResponse(() => api.ops.kpis.fulfilment.$get({ query: range }));
  return response.json();
}

/** A link that downloads one dashboard table as CSV (the browser sends the session cookie). */
export function kpiCsvHref(table: KpiTable, range: { from: string; to: string }): string {
  return `/api/ops/kpis.csv?${new URLSearchParams({ table, from: range.from, to: range.to })}`;
}

export interface ProcessMapFilters {
  from: string;
  to: string;
  /** A courier's id, as a string from the address bar. */
  courier?: string;
  city?: string;
}

export async function fetchProcessMap(filters: ProcessMapFilters): Promise<ProcessMap> {
  const query: { from: string; to: string; courier?: string; city?: string } = { from: filters.from, to: filters.to };
  if (filters.courier) query.courier = filters.courier;
  if (filters.city) query.city = filters.city;
  const response = await okResponse(() => api.ops['process-map'].$get({ query }));
  return response.json();
}

import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { STOCK_LEDGER_KINDS, type StockLedgerKind } from '../../../../shared/api/ops-inventory';
import { queryChoice, queryPage, queryText } from '../route-query';

/** The inventory page's views: one each for reading stock, its history and papers, booking, and files. */
export const INVENTORY_VIEWS = ['levels', 'ledger', 'documents', 'receipt', 'count', 'transfer', 'csv'] as const;
export type InventoryView = (typeof INVENTORY_VIEWS)[number];

/** What the inventory page shows, kept in the address bar (the to-do list links to a SKU here). */
export interface InventoryState {
  view: InventoryView;
  /** A warehouse code, or '' for every warehouse. */
  warehouse: string;
  search: string;
  lowOnly: boolean;
  /** The ledger's SKU (exact) and kind. */
  sku: string;
  kind: StockLedgerKind | '';
  page: number;
}

export const INVENTORY_PAGE_SIZE = 50;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const code = (value: string) => (CODE.test(value) ? value : '');

export function inventoryStateFromQuery(query: LocationQuery): InventoryState {
  return {
    view: queryChoice(query.view, INVENTORY_VIEWS) || 'levels',
    warehouse: code(queryText(query.warehouse)),
    search: queryText(query.q).trim().slice(0, 64),
    lowOnly: queryText(query.low) === '1',
    sku: code(queryText(query.sku)),
    kind: queryChoice(query.kind, STOCK_LEDGER_KINDS),
    page: queryPage(query.page),
  };
}

export function inventoryStateToQuery(state: InventoryState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.view !== 'levels') query.view = state.view;
  if (state.warehouse) query.warehouse = state.warehouse;
  if (state.search) query.q = state.search;
  if (state.lowOnly) query.low = '1';
  if (state.sku) query.sku = state.sku;
  if (state.kind) query.kind = state.kind;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** `GET /api/ops/inventory`'s query for the levels view. */
export function levelsRequest(state: InventoryState): Record<string, string> {
  const query: Record<string, string> = { limit: String(INVENTORY_PAGE_SIZE), offset: String((state.page - 1) * INVENTORY_PAGE_SIZE) };
  if (state.warehouse) query.warehouse = state.warehouse;
  if (state.search) query.q = state.search;
  if (state.lowOnly) query.low = '1';
  return query;
}

/** The ledger's filters as the API takes them (paging by `before` is the view's own). */
export function ledgerRequest(state: InventoryState): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.warehouse) query.warehouse = state.warehouse;
  if (state.sku) query.sku = state.sku;
  if (state.kind) query.kind = state.kind;
  return query;
}

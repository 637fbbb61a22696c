import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/api/shop';
import { queryChoice, queryDay, queryPage, queryText } from '../route-query';

/** The orders list's filters, kept in the address bar (a search can be shared; back returns to it). */
export interface OpsOrderFilters {
  /** Order number (its start), a whole phone number, or a name. */
  search: string;
  status: OrderStatus | '';
  /** Shop days, YYYY-MM-DD, inclusive; '' for open-ended. */
  from: string;
  to: string;
  page: number;
}

export const OPS_ORDERS_PAGE_SIZE = 25;

export function orderFiltersFromQuery(query: LocationQuery): OpsOrderFilters {
  return {
    search: queryText(query.q).trim().slice(0, 40),
    status: queryChoice(query.status, ORDER_STATUSES),
    from: queryDay(query.from),
    to: queryDay(query.to),
    page: queryPage(query.page),
  };
}

export function orderFiltersToQuery(filters: OpsOrderFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.search) query.q = filters.search;
  if (filters.status) query.status = filters.status;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.page > 1) query.page = String(filters.page);
  return query;
}

/** `GET /api/ops/orders`'s query for these filters. */
export function orderListRequest(filters: OpsOrderFilters): Record<string, string> {
  const { page, search, ...rest } = filters;
  const query: Record<string, string> = { limit: String(OPS_ORDERS_PAGE_SIZE), offset: String((page - 1) * OPS_ORDERS_PAGE_SIZE) };
  if (search) query.q = search;
  for (const [key, value] of Object.entries(rest)) if (value) query[key] = value;
  return query;
}

/** The badge tone of each status: waiting to pay is the one that needs an eye. */
export const ORDER_STATUS_TONE: Record<OrderStatus, 'attention' | 'progress' | 'delivered' | 'idle'> = {
  pending_payment: 'attention',
  paid: 'progress',
  shipped: 'delivered',
  cancelled: 'idle',
};

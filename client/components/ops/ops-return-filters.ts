import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { RETURN_REASON_CODES, type ReturnReasonCode } from '../../../shared/returns/return-reasons';
import { parseQueue, queueStatusFilter, type OpsReturnQueue } from './ops-queues';
import { queryChoice, queryDay, queryPage, queryText } from './route-query';

/**
 * The returns list's filters live in the address bar, so a filtered queue can be bookmarked or
 * shared and the back button from a return lands on the same page of the same list.
 */
export interface OpsReturnFilters {
  queue: OpsReturnQueue;
  /** Return, tracking or order number (or part of one). */
  search: string;
  reason: ReturnReasonCode | '';
  /** Shop days, YYYY-MM-DD, inclusive; '' for open-ended. */
  from: string;
  to: string;
  /** 1-based. */
  page: number;
}

export const OPS_RETURNS_PAGE_SIZE = 25;
const MAX_SEARCH_LENGTH = 40;

/** Whatever the address bar holds becomes valid filters: bad parts are dropped, not sent. */
export function filtersFromQuery(query: LocationQuery): OpsReturnFilters {
  return {
    queue: parseQueue(queryText(query.queue)),
    search: queryText(query.q).trim().slice(0, MAX_SEARCH_LENGTH),
    reason: queryChoice(query.reason, RETURN_REASON_CODES),
    from: queryDay(query.from),
    to: queryDay(query.to),
    page: queryPage(query.page),
  };
}

/** The address-bar form: defaults left out, so a plain queue link stays short. */
export function filtersToQuery(filters: OpsReturnFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.queue !== 'needs_review') query.queue = filters.queue;
  if (filters.search) query.q = filters.search;
  if (filters.reason) query.reason = filters.reason;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.page > 1) query.page = String(filters.page);
  return query;
}

/** `GET /api/ops/returns`'s query for these filters (its values are strings). */
export function listRequestQuery(filters: OpsReturnFilters, pageSize = OPS_RETURNS_PAGE_SIZE): Record<string, string> {
  const query: Record<string, string> = { limit: String(pageSize), offset: String((filters.page - 1) * pageSize) };
  const status = queueStatusFilter(filters.queue);
  if (status) query.status = status;
  if (filters.search) query.q = filters.search;
  if (filters.reason) query.reason = filters.reason;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** ISO days compare as strings. A backwards range would find nothing, so the form says so instead. */
export function isBackwardsRange(from: string, to: string): boolean {
  return from !== '' && to !== '' && from > to;
}

export function pageCount(total: number, pageSize = OPS_RETURNS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

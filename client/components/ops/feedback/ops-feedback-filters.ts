import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { isFeedbackCategory, type FeedbackCategory } from '../../../../shared/feedback/feedback-categories';
import type { FeedbackListRequest } from '../../../api/ops-feedback-api';

/**
 * The feedback list's filters live in the address bar, so a reload, a shared link and the back
 * button show the same list. Anything the list does not know is dropped rather than sent, so a
 * hand-edited address shows the whole list instead of an error.
 */
export interface OpsFeedbackFilters {
  category: FeedbackCategory | null;
  corrected: 'true' | 'false' | null;
}

const first = (value: LocationQuery[string] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export function feedbackFiltersFromQuery(query: LocationQuery): OpsFeedbackFilters {
  const category = first(query.category);
  const corrected = first(query.corrected);
  return {
    category: category && isFeedbackCategory(category) ? category : null,
    corrected: corrected === 'true' || corrected === 'false' ? corrected : null,
  };
}

export function feedbackFiltersToQuery(filters: OpsFeedbackFilters): LocationQueryRaw {
  return { ...(filters.category ? { category: filters.category } : {}), ...(filters.corrected ? { corrected: filters.corrected } : {}) };
}

export function feedbackListRequest(filters: OpsFeedbackFilters, cursor: number | null): FeedbackListRequest {
  return { ...feedbackFiltersToQuery(filters), ...(cursor === null ? {} : { cursor: String(cursor) }) } as FeedbackListRequest;
}

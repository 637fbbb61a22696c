import { ref, shallowRef, watch } from 'vue';
import type { FeedbackCategoriesView, FeedbackListItem } from '../../../../shared/api/feedback';
import { listFeedback } from '../../../api/ops-feedback-api';
import { useOpsRequest } from '../../../composables/useOpsRequest';
import { opsErrorKind, type OpsErrorKind } from '../ops-error';
import { feedbackListRequest, type OpsFeedbackFilters } from './ops-feedback-filters';

/**
 * The feedback list a page at a time: the first page whenever the filters change, the next one
 * appended on "load more" from the cursor the last answer gave. An answer for filters that
 * have since changed is dropped, so a slow first page never lands on a newer list.
 */
export function useFeedbackPages(filters: () => OpsFeedbackFilters | null) {
  const opsRequest = useOpsRequest();
  const items = shallowRef<FeedbackListItem[] | null>(null);
  const nextCursor = ref<number | null>(null);
  const loading = ref(false);
  const problem = ref<OpsErrorKind | null>(null);
  let generation = 0;

  async function load(more: boolean) {
    const current = filters();
    if (!current) return;
    const mine = more ? generation : ++generation;
    if (!more) items.value = null;
    loading.value = true;
    problem.value = null;
    try {
      const page = await opsRequest(() => listFeedback(feedbackListRequest(current, more ? nextCursor.value : null)));
      if (mine !== generation) return;
      items.value = more ? [...(items.value ?? []), ...page.feedback] : page.feedback;
      nextCursor.value = page.nextCursor;
    } catch (error) {
      if (mine === generation) problem.value = opsErrorKind(error);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  watch(() => JSON.stringify(filters()), () => void load(false), { immediate: true });

  /** A correction's answer replaces that feedback's categories in place (it stays in the list even if it no longer matches the filter). */
  function applyCorrection(view: FeedbackCategoriesView) {
    items.value = (items.value ?? []).map((item) =>
      item.id === view.feedbackId ? { ...item, categories: view.categories.map((category) => ({ category, evidenceKinds: ['staff' as const] })), correctedBy: view.correctedBy } : item,
    );
  }

  return { items, nextCursor, loading, problem, reload: () => load(false), loadMore: () => load(true), applyCorrection };
}

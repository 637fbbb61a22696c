import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { FeedbackRequest, FeedbackView } from '../../shared/api/feedback';
import { ApiError } from '../api/api-error';
import { editFeedback, fetchFeedback, submitFeedback } from '../api/feedback-api';

/** Why the feedback section cannot do what was asked: each has its own sentence. */
export type FeedbackProblem = 'unreachable' | 'locked' | 'exists' | 'failed';

function problemFor(error: unknown): FeedbackProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.unreachable) return 'unreachable';
  if (error.code === 'feedback_locked') return 'locked';
  if (error.code === 'feedback_exists') return 'exists';
  return 'failed';
}

/** A verified, delivered parcel's feedback: loaded with the verified view, given or edited there. */
export const useFeedbackStore = defineStore('feedback', () => {
  const view = shallowRef<FeedbackView | null>(null);
  /** Which parcel `view` belongs to; '' until loaded (null view then means "none given yet"). */
  const loadedFor = ref('');
  const problem = ref<FeedbackProblem | null>(null);
  const sending = ref(false);

  async function load(trackingNo: string) {
    if (loadedFor.value !== trackingNo) {
      view.value = null;
      loadedFor.value = '';
    }
    problem.value = null;
    try {
      const loaded = await fetchFeedback(trackingNo);
      view.value = loaded;
      loadedFor.value = trackingNo;
    } catch (error) {
      problem.value = problemFor(error);
    }
  }

  /** Gives it, or edits the one given; answers whether it was saved. */
  async function save(request: FeedbackRequest): Promise<boolean> {
    sending.value = true;
    problem.value = null;
    try {
      view.value = await (view.value ? editFeedback(request) : submitFeedback(request));
      loadedFor.value = request.trackingNo;
      return true;
    } catch (error) {
      problem.value = problemFor(error);
      // Someone (another tab) gave it first, or the window closed: show what is stored.
      if (problem.value === 'exists' || problem.value === 'locked') await load(request.trackingNo).catch(() => undefined);
      return false;
    } finally {
      sending.value = false;
    }
  }

  return { view, loadedFor, problem, sending, load, save };
});

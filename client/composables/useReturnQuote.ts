import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import type { ReturnQuote } from '../../shared/api/return-views';
import type { ReturnQuoteRequest } from '../../shared/api/returns';
import { fetchReturnQuote } from '../api/returns-api';
import { sameQuoteRequest } from '../components/returns/return-draft';
import { latestQuoteScheduler } from '../components/returns/latest-quote-scheduler';

/** Long enough to let a stepper be tapped three times, short enough to feel live. */
const QUOTE_DELAY_MS = 350;

/**
 * The live preview: the server's quote for the form as it is now. The last answer stays on
 * screen while a newer one is on its way (`updating`), so the numbers don't flicker; `fresh`
 * says whether the answer shown is for exactly the current choices.
 */
export function useReturnQuote(request: Readonly<Ref<ReturnQuoteRequest | null>>) {
  const quote = shallowRef<ReturnQuote | null>(null);
  const quotedFor = shallowRef<ReturnQuoteRequest | null>(null);
  const updating = ref(false);
  const failed = ref(false);
  let asked: ReturnQuoteRequest | null = null;

  const scheduler = latestQuoteScheduler<ReturnQuoteRequest, ReturnQuote>({
    delayMs: QUOTE_DELAY_MS,
    fetch: fetchReturnQuote,
    started: (question) => {
      updating.value = question !== null;
      failed.value = false;
      if (question === null) {
        quote.value = null;
        quotedFor.value = null;
      }
    },
    settled: (question, outcome) => {
      updating.value = false;
      if (outcome.ok) {
        quote.value = outcome.result;
        quotedFor.value = question;
      } else {
        failed.value = true;
      }
    },
  });

  watch(
    request,
    (question) => {
      // The request is rebuilt whenever anything on the form changes (the note too): ask only when the question did.
      if (sameQuoteRequest(question, asked)) return;
      asked = question;
      scheduler.ask(question);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => scheduler.dispose());

  const fresh = computed(() => quote.value !== null && sameQuoteRequest(quotedFor.value, request.value));
  return { quote, updating, failed, fresh, retry: () => scheduler.retry() };
}

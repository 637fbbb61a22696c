import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ClaimView, ReturnOptions, ReturnView } from '../../shared/api/return-views';
import type { CreateClaimRequest, CreateReturnRequest } from '../../shared/api/returns';
import { ApiError } from '../api/api-error';
import { cancelReturn, createClaim, createReturn, fetchReturn, fetchReturnOptions, verifyParcelOfReturn } from '../api/returns-api';

/**
 * Why a return screen has nothing to show: each has its own sentence. A return the server does
 * not show (404) cannot be told apart from one that does not exist, on purpose: the return page
 * treats both as "verify its parcel first".
 */
export type ReturnsProblem = 'not_verified' | 'not_found' | 'unreachable' | 'failed';

function problemFor(error: unknown): ReturnsProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.unreachable) return 'unreachable';
  // 401: no verified session for this parcel; 403: a session for another order.
  if (error.status === 401 || error.status === 403) return 'not_verified';
  if (error.status === 404) return 'not_found';
  return 'failed';
}

/**
 * A verified parcel's after-sales: what can be returned (options, shared by the tracking page
 * and the return form), and the return open on its own page.
 */
export const useReturnsStore = defineStore('returns', () => {
  const options = shallowRef<ReturnOptions | null>(null);
  const optionsProblem = ref<ReturnsProblem | null>(null);
  const view = shallowRef<ReturnView | null>(null);
  const viewProblem = ref<ReturnsProblem | null>(null);

  /** Which parcel's options are loading or shown, so a late answer for another one is dropped. */
  let optionsFor = '';

  async function loadOptions(trackingNo: string) {
    if (optionsFor !== trackingNo) options.value = null;
    optionsFor = trackingNo;
    optionsProblem.value = null;
    try {
      const loaded = await fetchReturnOptions(trackingNo);
      if (optionsFor === trackingNo) options.value = loaded;
    } catch (error) {
      if (optionsFor === trackingNo) optionsProblem.value = problemFor(error);
    }
  }

  async function loadReturn(returnNo: string) {
    if (view.value?.returnNo !== returnNo) view.value = null;
    viewProblem.value = null;
    try {
      const loaded = await fetchReturn(returnNo);
      if (loaded.returnNo === returnNo) view.value = loaded;
    } catch (error) {
      viewProblem.value = problemFor(error);
    }
  }

  /**
   * A return opened without a session for its parcel (a new phone, a link from a message): the
   * customer proves the parcel there and then. Throws the verification's ApiError for the form;
   * afterwards answers whether the return opened. Until the answer is in, the problem on screen
   * stays (the form stays, with its focus), rather than flashing "loading".
   */
  async function verifyAndOpenReturn(returnNo: string, trackingNo: string, phoneLast4: string): Promise<boolean> {
    await verifyParcelOfReturn(trackingNo, phoneLast4);
    try {
      const loaded = await fetchReturn(returnNo);
      view.value = loaded;
      viewProblem.value = null;
      return true;
    } catch (error) {
      viewProblem.value = problemFor(error);
      return false;
    }
  }

  /** Throws the ApiError (422 with the rules' refusals) so the form can say what changed. */
  async function submitReturn(request: CreateReturnRequest): Promise<ReturnView> {
    const created = await createReturn(request);
    // What is returnable has changed: the tracking page and the form load the options afresh each time they open.
    view.value = created;
    return created;
  }

  /** Throws the ApiError (409 when it can no longer be cancelled). */
  async function cancel(returnNo: string) {
    view.value = await cancelReturn(returnNo);
  }

  async function fileClaim(request: CreateClaimRequest): Promise<ClaimView> {
    const claim = await createClaim(request);
    const shown = options.value;
    if (shown && shown.trackingNo === request.trackingNo) {
      options.value = { ...shown, claims: [claim, ...shown.claims.filter((c) => c.claimNo !== claim.claimNo)], claimable: null };
    }
    return claim;
  }

  /** The parcel a return belongs to, when this session has seen it: where to verify again. */
  function trackingNoOfReturn(returnNo: string): string | null {
    if (view.value?.returnNo === returnNo) return view.value.trackingNo;
    return options.value?.returns.some((r) => r.returnNo === returnNo) ? options.value.trackingNo : null;
  }

  return { options, optionsProblem, view, viewProblem, loadOptions, loadReturn, verifyAndOpenReturn, submitReturn, cancel, fileClaim, trackingNoOfReturn };
});

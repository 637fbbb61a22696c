import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PublicTrackingView, VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import { isValidTrackingNo } from '../../shared/tracking/tracking-number';
import { replacesShownView } from '../../shared/tracking/view-order';
import { ApiError } from '../api/api-error';
import { fetchTrackingView, fetchVerifiedDetails, verifyParcel } from '../api/tracking-api';
import { takeTrackingViewInPage } from '../api/tracking-view-in-page';
import { loadTrackingSnapshot, saveTrackingSnapshot } from '../offline/tracking-snapshots';
import { useMyParcelsStore } from './my-parcels';

/** Why no view can be shown: each has its own sentence on the page. */
export type TrackingProblem = 'invalid' | 'not_found' | 'unreachable' | 'failed';

/** The parcel on the open tracking page: its public view, how fresh it is, and its details once verified. */
export const useTrackingStore = defineStore('tracking', () => {
  const myParcels = useMyParcelsStore();

  const trackingNo = ref('');
  const view = ref<PublicTrackingView | null>(null);
  /** When the view on screen was current, if it is an older copy (device or service worker cache). */
  const staleSince = ref<number | null>(null);
  const problem = ref<TrackingProblem | null>(null);
  const details = ref<VerifiedTrackingDetails | null>(null);

  const isCurrent = (no: string) => trackingNo.value === no;

  function showFreshView(fresh: PublicTrackingView) {
    // An answer older than the fresh view on screen stays unshown (the live stream won the race).
    if (staleSince.value === null && !replacesShownView(view.value, fresh)) return;
    const now = Date.now();
    view.value = fresh;
    staleSince.value = null;
    problem.value = null;
    saveTrackingSnapshot(fresh, now);
    myParcels.rememberParcel(fresh, now);
  }

  function showOlderView(older: PublicTrackingView, asOf: number) {
    // The live stream may have delivered a fresh view while the request was failing.
    if (view.value && staleSince.value === null && view.value.generatedAt >= older.generatedAt) return;
    view.value = older;
    staleSince.value = asOf;
    problem.value = null;
  }

  /**
   * With no fresh answer, shows the newest copy we have: the service worker's cached response
   * or this device's snapshot (which live updates keep newer than the worker's cache).
   */
  function showSavedView(no: string, cached: PublicTrackingView | null): boolean {
    const snapshot = loadTrackingSnapshot(no);
    if (snapshot && (!cached || snapshot.view.generatedAt >= cached.generatedAt)) {
      showOlderView(snapshot.view, snapshot.fetchedAt);
    } else if (cached) {
      showOlderView(cached, cached.generatedAt);
    } else {
      return false;
    }
    return true;
  }

  async function refreshView() {
    const no = trackingNo.value;
    try {
      const fetched = await fetchTrackingView(no);
      if (!isCurrent(no)) return;
      if (fetched.fromServiceWorkerCache) showSavedView(no, fetched.view);
      else showFreshView(fetched.view);
    } catch (error) {
      if (!isCurrent(no)) return;
      const noAnswer = error instanceof ApiError && (error.unreachable || error.status >= 500);
      if (!(noAnswer && showSavedView(no, null)) && !view.value) problem.value = problemFor(error);
    }
  }

  /**
   * A verified customer who reloads sees their details again, offline too (the copy this phone
   * kept while the verification lasts, loaded only then); anyone else gets the form.
   */
  async function loadDetails() {
    const no = trackingNo.value;
    let found: VerifiedTrackingDetails | null;
    try {
      found = await fetchVerifiedDetails(no);
    } catch (error) {
      found = (await import('../offline/verified-details-copy')).detailsAfterFailure(no, error, Date.now());
    }
    if (isCurrent(no)) details.value = found;
  }

  async function openParcel(no: string) {
    trackingNo.value = no;
    view.value = null;
    details.value = null;
    staleSince.value = null;
    problem.value = isValidTrackingNo(no) ? null : 'invalid';
    if (problem.value) return;
    // A view the server wrote into the page is current: shown at once, without asking again.
    // The live stream's first message revalidates it, as it does any view on this page.
    const inPage = takeTrackingViewInPage(no);
    if (inPage) showFreshView(inPage);
    await Promise.all([inPage || refreshView(), loadDetails()]);
  }

  function acceptLiveView(live: PublicTrackingView) {
    if (isCurrent(live.trackingNo)) showFreshView(live);
  }

  /** Throws the ApiError so the form can say what was wrong (403 digits, 429 tries). */
  async function verify(phoneLast4: string) {
    const no = trackingNo.value;
    const verified = await verifyParcel(no, phoneLast4);
    if (isCurrent(no)) details.value = verified;
  }

  return { trackingNo, view, staleSince, problem, details, openParcel, refreshView, loadDetails, acceptLiveView, verify };
});

function problemFor(error: unknown): TrackingProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.unreachable) return 'unreachable';
  if (error.status === 404) return 'not_found';
  if (error.status === 400) return 'invalid';
  return 'failed';
}

import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { TRACKING_VIEW_ELEMENT_ID } from '../../shared/api/tracking-view-in-page';

/**
 * The public view the server wrote into the page it answered for /t/:no, so the first paint
 * needs no request. Taken once: a later visit to the parcel within the app asks the API, and a
 * page opened from the service worker's shell (offline) has none.
 */
export function takeTrackingViewInPage(trackingNo: string): PublicTrackingView | null {
  const block = document.getElementById(TRACKING_VIEW_ELEMENT_ID);
  block?.remove();
  const view = block && (JSON.parse(block.textContent!) as PublicTrackingView);
  return view && view.trackingNo === trackingNo ? view : null;
}

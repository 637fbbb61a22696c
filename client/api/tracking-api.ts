import type { PublicTrackingView, VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import type { DeliveryInstructions } from '../../shared/courier/manifest';
import { CACHE_HIT_HEADER, CACHE_HIT_VALUE } from '../sw/cache-hit-header';
import { api } from './api-client';
import { okResponse } from './api-error';

export interface FetchedTrackingView {
  view: PublicTrackingView;
  fromServiceWorkerCache: boolean;
}

export async function fetchTrackingView(trackingNo: string): Promise<FetchedTrackingView> {
  const response = await okResponse(() => api.track[':trackingNo'].$get({ param: { trackingNo } }));
  return {
    view: await response.json(),
    fromServiceWorkerCache: response.headers.get(CACHE_HIT_HEADER) === CACHE_HIT_VALUE,
  };
}

/** 401 until this browser has verified the parcel (the session is an HttpOnly cookie). */
export async function fetchVerifiedDetails(trackingNo: string): Promise<VerifiedTrackingDetails> {
  const response = await okResponse(() => api.track[':trackingNo'].details.$get({ param: { trackingNo } }));
  return response.json();
}

/** 403 for wrong digits, 429 after too many tries. */
export async function verifyParcel(trackingNo: string, phoneLast4: string): Promise<VerifiedTrackingDetails> {
  const response = await okResponse(() =>
    api.track[':trackingNo'].verify.$post({ param: { trackingNo }, json: { phoneLast4 } }),
  );
  return (await response.json()).details;
}

/** 401 unless verified; 409 once the parcel has arrived. */
export async function saveDeliveryInstructions(trackingNo: string, instructions: DeliveryInstructions): Promise<VerifiedTrackingDetails> {
  const response = await okResponse(() =>
    api.track[':trackingNo'].instructions.$put({ param: { trackingNo }, json: instructions }),
  );
  return response.json();
}

export function trackingStreamUrl(trackingNo: string): string {
  return `/api/track/${encodeURIComponent(trackingNo)}/stream`;
}

import type { VerifiedTrackingDetails } from '../../shared/api/tracking-view';
import { ApiError } from '../api/api-error';
import { readFromDevice, removeFromDevice, writeToDevice } from './device-storage';
import { PROOF_PICTURES_CACHE } from './proof-pictures-cache';

/**
 * The verified details of a parcel, kept on this phone so they can still be read with no
 * signal: items, the masked address, the instructions, the proof of delivery (its photo and
 * signature in a cache of their own, which the service worker answers from offline). Only on
 * the phone that verified, and only while the verification lasts (`verifiedUntil`): after it,
 * or once the server says the verification is gone, the copy and its pictures are deleted.
 * Loaded lazily: the first page a customer opens has no room for it, and needs it only once
 * details have been seen.
 */

/** Details read from this phone's copy rather than the server; `keptAt` is when they were current. */
export type KeptDetails = VerifiedTrackingDetails & { keptAt?: number };

interface Copy {
  details: VerifiedTrackingDetails;
  keptAt: number;
}

const PREFIX = 'verified.';
const keyFor = (trackingNo: string) => PREFIX + trackingNo;

function isCopy(value: unknown): value is Copy {
  const copy = value as Copy | null;
  return typeof copy?.keptAt === 'number' && typeof copy.details?.trackingNo === 'string' && typeof copy.details.verifiedUntil === 'number';
}

const pictureUrls = (details: VerifiedTrackingDetails) => [details.proof?.photoUrl, details.proof?.signatureUrl].filter((u): u is string => !!u);

async function withPictureCache(use: (cache: Cache) => Promise<unknown>): Promise<void> {
  try {
    if (typeof caches !== 'undefined') await use(await caches.open(PROOF_PICTURES_CACHE));
  } catch {
    // A picture that could not be kept shows its text instead; the details themselves are kept.
  }
}

/** Keeps fresh details (and their pictures) until the verification ends; sweeps ended copies. */
export async function keepVerifiedDetails(details: VerifiedTrackingDetails, now: number): Promise<void> {
  forgetEndedCopies(now);
  if (details.verifiedUntil <= now) return;
  writeToDevice(keyFor(details.trackingNo), { details, keptAt: now } satisfies Copy);
  const urls = pictureUrls(details);
  if (urls.length) await withPictureCache((cache) => cache.addAll(urls));
}

/** This phone's copy, while its verification lasts. */
export function keptVerifiedDetails(trackingNo: string, now: number): KeptDetails | null {
  const copy = readFromDevice(keyFor(trackingNo), isCopy);
  if (!copy) return null;
  if (copy.details.verifiedUntil <= now) {
    void forgetVerifiedDetails(trackingNo);
    return null;
  }
  return { ...copy.details, keptAt: copy.keptAt };
}

export async function forgetVerifiedDetails(trackingNo: string): Promise<void> {
  const copy = readFromDevice(keyFor(trackingNo), isCopy);
  removeFromDevice(keyFor(trackingNo));
  if (copy) await withPictureCache((cache) => Promise.all(pictureUrls(copy.details).map((url) => cache.delete(url))));
}

/**
 * What to show when the details could not be fetched: offline (or the server failing), the
 * kept copy; told the verification is over (401/403), nothing, and the copy goes.
 */
export function detailsAfterFailure(trackingNo: string, error: unknown, now: number): KeptDetails | null {
  if (!(error instanceof ApiError)) return null;
  if (error.unreachable || error.status >= 500) return keptVerifiedDetails(trackingNo, now);
  if (error.status === 401 || error.status === 403) void forgetVerifiedDetails(trackingNo);
  return null;
}

function forgetEndedCopies(now: number): void {
  try {
    for (const key of Object.keys(localStorage)) {
      const trackingNo = key.startsWith(`doorstep.${PREFIX}`) ? key.slice(`doorstep.${PREFIX}`.length) : null;
      if (trackingNo) keptVerifiedDetails(trackingNo, now);
    }
  } catch {
    // Storage unavailable: there is nothing kept to sweep.
  }
}

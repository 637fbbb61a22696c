import { PUBLIC_VIEW_TTL_MS, type CachedPublicView } from '../domain/tracking/public-view-cache';
import { matchesIfNoneMatch } from './entity-tag';

/**
 * Public (no personal data), and kept by shared caches (a CDN in front) for a few seconds, as
 * long as the server's own cache keeps a view: a change is seen within seconds, and the live
 * stream tells an open page at once. A browser revalidates every time instead (max-age=0): a
 * poll costs a 304 with no body, answered from memory, and the page never gets the view from
 * before its customer's own action from the browser's cache (it asks again right after one,
 * and the answer could land after the live stream's newer view and replace it).
 */
export const PUBLIC_VIEW_CACHE_CONTROL = `public, max-age=0, s-maxage=${PUBLIC_VIEW_TTL_MS / 1000}, stale-while-revalidate=${PUBLIC_VIEW_TTL_MS / 1000}`;

export interface PublicViewAnswer {
  status: 200 | 304;
  /** The view's JSON text, or nothing for a 304. */
  body: string | null;
  /** A fresh object each time: @hono/node-server writes a plain header object out as it is, adding to it. */
  headers: Record<string, string>;
}

/** The answer to `GET /api/track/:no` for a view, given the request's If-None-Match: one rule for both ways it is served. */
export function publicViewAnswer(view: CachedPublicView, ifNoneMatch: string | null | undefined): PublicViewAnswer {
  if (matchesIfNoneMatch(ifNoneMatch ?? undefined, view.etag)) {
    return { status: 304, body: null, headers: { 'Cache-Control': PUBLIC_VIEW_CACHE_CONTROL, ETag: view.etag } };
  }
  return {
    status: 200,
    body: view.json,
    headers: { 'Cache-Control': PUBLIC_VIEW_CACHE_CONTROL, ETag: view.etag, 'Content-Type': 'application/json; charset=UTF-8' },
  };
}

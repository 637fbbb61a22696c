import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { TRACKING_VIEW_ELEMENT_ID } from '../../shared/api/tracking-view-in-page';
import { isValidTrackingNo, normalizeTrackingNo } from '../../shared/tracking/tracking-number';
import { AppError } from '../app-error';
import type { Database } from '../db/schema';
import { getPublicViewJson } from '../domain/tracking/tracking-service';
import { jsonForScriptBlock } from './json-in-html';
import type { Logger } from './logger';
import { pageLocale, type PageLocale } from './page-locale';
import type { TrackingPageBuild } from './tracking-page-build';

export interface TrackingPageDeps {
  db: Kysely<Database>;
  clock: () => number;
  logger: Logger;
  build: () => Promise<TrackingPageBuild>;
}

/**
 * The customer's tracking page with its first view already in it, so a phone draws the parcel
 * without waiting for script, then an API call (issue 13: that waterfall was most of its LCP):
 * the public view as JSON for the app to start from, and the page drawn with it on the server.
 * Only the public view: the verified details need the phone digits and are always asked for.
 *
 * A number that is malformed or unknown gets the app's page as it is, which says so in its own
 * words after its own request, as before.
 */
export async function trackingPageHtml(deps: TrackingPageDeps, shell: string, rawTrackingNo: string, acceptLanguage: string | undefined): Promise<TrackingPageAnswer> {
  const trackingNo = normalizeTrackingNo(rawTrackingNo);
  if (!isValidTrackingNo(trackingNo)) return { html: shell, inlineStyleHash: null };
  let json: string;
  try {
    json = await getPublicViewJson(deps.db, trackingNo, deps.clock());
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return { html: shell, inlineStyleHash: null };
    throw err;
  }
  const build = await deps.build();
  const locale = pageLocale(acceptLanguage);
  let markup = '';
  if (build.render) {
    try {
      markup = await build.render(JSON.parse(json) as PublicTrackingView, locale);
    } catch (err) {
      // The view is in the page all the same, and the app draws it: a slower page, not a broken one.
      deps.logger.error('Could not draw the tracking page on the server', err, { trackingNo });
    }
  }
  const withView = withTrackingView(shell, { trackingNo, json, markup, locale });
  // Only with the drawn page: the app alone loads its CSS as on every other page.
  return markup ? withStylesInPage(withView, build) : { html: withView, inlineStyleHash: null };
}

export interface TrackingPageAnswer {
  html: string;
  /** The CSP source (`'sha256-…'`) that lets the page's one <style> element apply; null when it has none. */
  inlineStyleHash: string | null;
}

interface TrackingViewParts {
  trackingNo: string;
  json: string;
  markup: string;
  locale: PageLocale;
}

/** Each piece is put in with a function, so a `$&` in a view is text, not a replacement pattern. */
function withTrackingView(shell: string, { trackingNo, json, markup, locale }: TrackingViewParts): string {
  const viewBlock = `<script type="application/json" id="${TRACKING_VIEW_ELEMENT_ID}">${jsonForScriptBlock(json)}</script>`;
  return (
    shell
      // Screen readers pick their voice from it, as the app sets it when it starts.
      .replace(/<html lang="[^"]*"/, () => `<html lang="${locale}"`)
      // The app's title for this page (TrackingPage.vue); the number is checked: letters and digits only.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${trackingNo} · Doorstep</title>`)
      .replace('<div id="app"></div>', () => `<div id="app">${markup}</div>${viewBlock}`)
  );
}

const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g;

/**
 * The drawn page's stylesheets written into it as one <style>, in the order they cascade
 * (index.html's links, then the page's own), so its first paint waits for no request: on a
 * slow link each stylesheet cost a connection and a round trip before anything showed.
 *
 * Each link stays, `disabled`: a disabled stylesheet is not fetched, and the app's chunk
 * loader, finding the link, neither fetches it again nor adds a second copy of its rules
 * over the ones in the page. A file the build could not read stays an ordinary link.
 */
function withStylesInPage(page: string, build: TrackingPageBuild): TrackingPageAnswer {
  const inlined: string[] = [];
  const linked = new Set<string>();
  const html = page.replace(STYLESHEET_LINK, (link, file: string) => {
    linked.add(file);
    const text = build.styles.get(file);
    if (text === undefined) return link;
    inlined.push(text);
    return link.replace('>', ' disabled>');
  });
  let ownLinks = '';
  for (const file of build.css) {
    if (linked.has(file)) continue;
    const text = build.styles.get(file);
    if (text === undefined) {
      ownLinks += `<link rel="stylesheet" crossorigin href="/${file}">`;
    } else {
      inlined.push(text);
      ownLinks += `<link rel="stylesheet" crossorigin href="/${file}" disabled>`;
    }
  }
  if (inlined.length === 0) return { html: html.replace('</head>', () => `${ownLinks}</head>`), inlineStyleHash: null };
  const css = inlined.join('\n');
  return {
    html: html.replace('</head>', () => `${ownLinks}<style>${css}</style></head>`),
    inlineStyleHash: `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  };
}

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
export async function trackingPageHtml(deps: TrackingPageDeps, shell: string, rawTrackingNo: string, acceptLanguage: string | undefined): Promise<string> {
  const trackingNo = normalizeTrackingNo(rawTrackingNo);
  if (!isValidTrackingNo(trackingNo)) return shell;
  let json: string;
  try {
    json = await getPublicViewJson(deps.db, trackingNo, deps.clock());
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return shell;
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
  return withTrackingView(shell, { trackingNo, json, markup, locale, css: build.css });
}

interface TrackingViewParts {
  trackingNo: string;
  json: string;
  markup: string;
  locale: PageLocale;
  css: string[];
}

/** Each piece is put in with a function, so a `$&` in a view is text, not a replacement pattern. */
function withTrackingView(shell: string, { trackingNo, json, markup, locale, css }: TrackingViewParts): string {
  // Only with the drawn page: the app alone loads its CSS with its chunk, as on every other page.
  const links = markup
    ? css
        .filter((file) => !shell.includes(`href="/${file}"`))
        .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`)
        .join('')
    : '';
  const viewBlock = `<script type="application/json" id="${TRACKING_VIEW_ELEMENT_ID}">${jsonForScriptBlock(json)}</script>`;
  return (
    shell
      // Screen readers pick their voice from it, as the app sets it when it starts.
      .replace(/<html lang="[^"]*"/, () => `<html lang="${locale}"`)
      // The app's title for this page (TrackingPage.vue); the number is checked: letters and digits only.
      .replace(/<title>[^<]*<\/title>/, () => `<title>${trackingNo} · Doorstep</title>`)
      .replace('</head>', () => `${links}</head>`)
      .replace('<div id="app"></div>', () => `<div id="app">${markup}</div>${viewBlock}`)
  );
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from './logger';

type RenderModule = typeof import('../../client/ssr/render-tracking-page');

interface ManifestChunk {
  file: string;
  name?: string;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** What the build made for the tracking page beyond index.html. */
export interface TrackingPageBuild {
  /**
   * The tracking page's own CSS files, which the app loads with the page's chunk: the drawn page
   * needs them for its first paint. Its scripts are not added: on a slow link they would share
   * the bandwidth with what that paint waits for, and the app fetches them as it always has.
   */
  css: string[];
  /**
   * The text of every stylesheet the drawn page uses (index.html's own and the page's), by file
   * (`assets/x.css`), to be written into the page instead of linked: no request stands between
   * the HTML and its first paint. A file that could not be read is absent, and stays a link.
   */
  styles: ReadonlyMap<string, string>;
  /** The page drawn on the server (dist/ssr/, from `vite build --ssr`); null when that part wasn't built. */
  render: RenderModule['renderTrackingPage'] | null;
}

/** The CSS of the tracking page's chunk and the chunks it imports, found as bundle-size.ts finds its first load. */
function trackingPageCss(manifest: Record<string, ManifestChunk>): string[] {
  const pageKey = Object.keys(manifest).find(
    (k) => k.endsWith('pages/customer/TrackingPage.vue') || (manifest[k]!.name === 'TrackingPage' && manifest[k]!.isDynamicEntry),
  );
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  if (pageKey) visit(pageKey);
  return [...css];
}

/** Every stylesheet of the build, read once per build; the page picks those it links. */
function stylesheetTexts(clientDir: string): Map<string, string> {
  const dir = join(clientDir, 'assets');
  const texts = new Map<string, string>();
  if (!existsSync(dir)) return texts;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.css')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    // Written into a <style> element, the text must not be able to close it.
    if (!/<\/style/i.test(text)) texts.set(`assets/${name}`, text);
  }
  return texts;
}

async function loadBuild(clientDir: string, builtAt: number, shopTimeZone: string, logger: Logger): Promise<TrackingPageBuild> {
  const manifestPath = join(clientDir, '.vite', 'manifest.json');
  const css = existsSync(manifestPath) ? trackingPageCss(JSON.parse(readFileSync(manifestPath, 'utf8'))) : [];
  const styles = stylesheetTexts(clientDir);
  const rendererPath = join(clientDir, 'ssr', 'render-tracking-page.js');
  // A renderer older than index.html is from an earlier build (only `vite build` was run since):
  // its markup might not match the new styles, so none is better than a wrong one.
  if (!existsSync(rendererPath) || statSync(rendererPath).mtimeMs < builtAt) return { css, styles, render: null };
  // The build time in the URL: a rebuild while the server runs is imported afresh, not from the module cache.
  try {
    const renderer = (await import(`${pathToFileURL(rendererPath).href}?built=${builtAt}`)) as RenderModule;
    renderer.renderInShopTimeZone(shopTimeZone);
    return { css, styles, render: renderer.renderTrackingPage };
  } catch (err) {
    // Said once per build; the pages still carry the view, and the app draws it.
    logger.error('Could not load the tracking page renderer (dist/ssr/); pages go out without it', err);
    return { css, styles, render: null };
  }
}

/**
 * The tracking page's built pieces, read once per build: index.html's time stamp tells when
 * the client was rebuilt under a running server (as index.html itself is read per request).
 */
export function trackingPageBuild(clientDir: string, shopTimeZone: string, logger: Logger): () => Promise<TrackingPageBuild> {
  let loaded: { builtAt: number; build: Promise<TrackingPageBuild> } | null = null;
  return () => {
    const builtAt = statSync(join(clientDir, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (loaded?.builtAt !== builtAt) loaded = { builtAt, build: loadBuild(clientDir, builtAt, shopTimeZone, logger) };
    return loaded.build;
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps } from '../app-deps';
import { withShopTimeZone } from './page-settings';
import { pageCspWithInlineStyle } from './security-headers';
import { trackingPageHtml } from './tracking-page';
import { trackingPageBuild } from './tracking-page-build';

/**
 * Serves the built client: hashed assets cached for a year, everything else (index.html,
 * sw.js, the manifest) revalidated so an update reaches phones. Any other path that isn't
 * an API call gets index.html, for the client-side router.
 *
 * The page carries the shop's time zone (see page-settings.ts), so index.html is always
 * answered here, never as the static file: `/` and `/index.html` too, which is what the
 * service worker precaches and then opens every page from. A parcel's tracking page also
 * carries the parcel (tracking-page.ts).
 */
export function clientFiles(clientDir: string, deps: Pick<AppDeps, 'db' | 'clock' | 'logger' | 'config'>) {
  const indexPath = join(clientDir, 'index.html');
  const shopTimeZone = deps.config.shopTimeZone;
  const tracking = { ...deps, build: trackingPageBuild(clientDir, shopTimeZone, deps.logger) };
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const immutable = c.req.path.startsWith('/assets/');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  const notBuilt = (c: Context) => c.text('The client is not built yet: run `npm run build` (npm start does it for you).', 503);
  const shell = () => withShopTimeZone(readFileSync(indexPath, 'utf8'), shopTimeZone);
  const page = (c: Context) => (existsSync(indexPath) ? c.html(shell()) : notBuilt(c));
  app.get('/', page);
  app.get('/index.html', page);
  // The drawn page is ~10 KB of markup, a third of that gzipped: worth it on a slow link.
  app.use('/t/:trackingNo', compress({ encoding: 'gzip' }));
  app.get('/t/:trackingNo', async (c) => {
    if (!existsSync(indexPath)) return notBuilt(c);
    // The page is drawn in the language the browser asks for first.
    c.header('Vary', 'Accept-Language');
    const page = await trackingPageHtml(tracking, shell(), c.req.param('trackingNo'), c.req.header('Accept-Language'));
    if (page.inlineStyleHash) c.header('Content-Security-Policy', pageCspWithInlineStyle(page.inlineStyleHash));
    return c.html(page.html);
  });
  // The tracking page's server render (tracking-page-build.ts) is the server's, not a file for browsers.
  app.get('/ssr/*', (c) => c.text('Not found', 404, { 'Cache-Control': 'no-store' }));
  app.use('*', serveStatic({ root: clientDir, precompressed: true }));
  app.get('*', (c) => {
    // A file that isn't there (an old build's chunk, /favicon.ico) is a 404, not the page:
    // HTML answered for a script breaks the tab, and an immutable cache would keep the mistake.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    return page(c);
  });
  return app;
}

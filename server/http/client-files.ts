import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { withShopTimeZone } from './page-settings';

/**
 * Serves the built client: hashed assets cached for a year, everything else (index.html,
 * sw.js, the manifest) revalidated so an update reaches phones. Any other path that isn't
 * an API call gets index.html, for the client-side router.
 *
 * The page carries the shop's time zone (see page-settings.ts), so index.html is always
 * answered here, never as the static file: `/` and `/index.html` too, which is what the
 * service worker precaches and then opens every page from.
 */
export function clientFiles(clientDir: string, shopTimeZone: string) {
  const indexPath = join(clientDir, 'index.html');
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.res.headers.has('Cache-Control')) return;
    const immutable = c.req.path.startsWith('/assets/');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  const page = (c: Context) => {
    if (!existsSync(indexPath)) {
      return c.text('The client is not built yet: run `npm run build` (npm start does it for you).', 503);
    }
    return c.html(withShopTimeZone(readFileSync(indexPath, 'utf8'), shopTimeZone));
  };
  app.get('/', page);
  app.get('/index.html', page);
  app.use('*', serveStatic({ root: clientDir, precompressed: true }));
  app.get('*', (c) => {
    // A file that isn't there (an old build's chunk, /favicon.ico) is a 404, not the page:
    // HTML answered for a script breaks the tab, and an immutable cache would keep the mistake.
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    return page(c);
  });
  return app;
}

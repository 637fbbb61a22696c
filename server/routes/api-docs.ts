import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono, type Env } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { notFound } from '../app-error';

/**
 * The shop API's reference: `GET /api/openapi.json`, generated from the routes' zod schemas
 * (hono-openapi), and `GET /api/docs`, Swagger UI served from this server's own copy
 * (swagger-ui-dist) — no CDN, so it opens where the app runs without the internet and under
 * a CSP naming only this origin. Nothing of it is in any face's bundle.
 */
const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Doorstep shop API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body>
</html>`;

// An external script: the CSP allows no inline one.
const START = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true, tryItOutEnabled: false, defaultModelsExpandDepth: 0 });`;

const INTRO = [
  'The way in for a shop\'s storefront, mini-program or ERP: catalog, warehouses and stock, orders with stock reserved as they are placed, payment and cancellation.',
  '',
  '**Authentication**: `Authorization: Bearer <key>`; staff make keys in the ops face (运营后台 → API keys). A staff, courier or customer session is not a key.',
  '',
  '**Idempotency**: every POST takes an `Idempotency-Key` header (any unique string, a UUID say). The same key with the same body answers the first answer again (header `Idempotent-Replayed: true`); with another body `422 idempotency_key_reused`; while the first is still running `409 idempotency_key_in_flight`; missing `400 idempotency_key_required`.',
  '',
  '**Errors** are always `{"error": {"code", "message", "details?"}}` with a 4xx status. Money is integer fen (¥1 = 100); times are epoch milliseconds.',
].join('\n');

export function apiDocsRoutes<E extends Env>(api: Hono<E>) {
  const assets = new Map<string, string>();
  return new Hono()
    .get(
      '/openapi.json',
      openAPIRouteHandler(api, {
        documentation: {
          openapi: '3.1.0',
          info: { title: 'Doorstep shop API', version: '1.0.0', description: INTRO },
          servers: [{ url: '/api' }],
          components: { securitySchemes: { shopKey: { type: 'http', scheme: 'bearer', description: 'A shop API key made by staff' } } },
          security: [{ shopKey: [] }],
        },
        // The shop's API and the provider's and carriers' callbacks; the faces' own endpoints are not a public contract.
        exclude: [/^\/(?!shop\/|payments\/|carriers\/).*/],
      }),
    )
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', DOCS_CSP);
      return c.html(PAGE);
    })
    .get('/docs/start.js', (c) => c.body(START, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }))
    .get('/docs/assets/:file', (c) => {
      const file = c.req.param('file');
      const type = ASSETS[file];
      if (!type) throw notFound('not_found', `No asset ${file}`);
      if (!assets.has(file)) assets.set(file, readFileSync(join(swaggerDir, file), 'utf8'));
      return c.body(assets.get(file)!, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
    });
}

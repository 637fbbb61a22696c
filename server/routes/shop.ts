import { Hono } from 'hono';
import { z } from 'zod';
import { described } from '../http/api-description';
import type { AppDeps } from '../app-deps';
import { idempotentPosts } from '../http/idempotency';
import type { ShopEnv } from '../http/shop-env';
import { requireShopKey } from '../http/shop-key';
import { shopCatalogRoutes } from './shop-catalog';
import { shopOrderRoutes } from './shop-orders';
import { shopStockRoutes } from './shop-stock';

/**
 * The shop API (`/api/shop`), for a shop's storefront, mini-program or ERP: every path behind
 * one API-key guard, every POST behind Idempotency-Key. Feature routes join below with
 * `.route('/', …)`.
 */
export function shopRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return new Hono<ShopEnv>()
    .use(requireShopKey(db, clock))
    .use(idempotentPosts(db, clock))
    // Which key this is: lets a shop check its setup before sending anything real.
    .get('/whoami', described({ tag: 'Setup', summary: 'Which key this is', ok: { 200: [z.object({ name: z.string(), scopes: z.array(z.string()) }), 'The key\'s name and scopes'] }, errors: { 401: 'api_key_required, api_key_invalid' } }), (c) => c.json({ name: c.var.apiKey.name, scopes: c.var.apiKey.scopes }))
    .route('/', shopCatalogRoutes(deps))
    .route('/', shopStockRoutes(deps))
    .route('/', shopOrderRoutes(deps));
}

import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { loadDemoDirectory } from '../demo/demo-directory';
import { notFound } from '../app-error';

export function demoRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    if (!deps.config.demo) throw notFound('demo_off', 'Demo mode is off');
    return c.json(await loadDemoDirectory(deps.db));
  });
}

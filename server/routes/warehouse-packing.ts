import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

/** Packing and labels (behind the warehouse guard in warehouse.ts). */
export function warehousePackingRoutes(_deps: AppDeps) {
  return new Hono();
}

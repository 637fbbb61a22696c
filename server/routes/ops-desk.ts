import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

/** Staff's queues of open exceptions, couriers and their stops, and the shop's settings. */
export function opsDeskRoutes(_deps: AppDeps) {
  return new Hono();
}

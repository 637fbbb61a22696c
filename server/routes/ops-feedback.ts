import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

/** Staff's follow-ups: customer call-backs opened by negative feedback or exceptions open too long. */
export function opsFollowUpRoutes(_deps: AppDeps) {
  return new Hono();
}

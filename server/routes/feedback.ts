import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

/** The verified customer's feedback on a delivered parcel. */
export function feedbackRoutes(_deps: AppDeps) {
  return new Hono();
}

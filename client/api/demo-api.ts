import type { DemoDirectory } from '../../shared/api/tracking-view';
import { api } from './api-client';
import { okResponse } from './api-error';

/** The demo parcels, or null when the server is not in demo mode (404) or unreachable. */
export async function fetchDemoDirectory(): Promise<DemoDirectory | null> {
  try {
    const response = await okResponse(() => api.demo.$get());
    return await response.json();
  } catch {
    return null;
  }
}

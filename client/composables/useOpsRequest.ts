import { ApiError } from '../api/api-error';
import { useOpsSessionStore } from '../stores/ops-session';

/**
 * Runs an ops API call and turns a 401 into "sign in again": the layout sees the session go
 * and sends the page to sign-in, with the way back. The error still reaches the caller, which
 * stops its spinner.
 */
export function useOpsRequest() {
  const session = useOpsSessionStore();
  return async function opsRequest<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) session.markSessionExpired();
      throw error;
    }
  };
}

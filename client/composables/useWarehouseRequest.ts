import { ref } from 'vue';
import { ApiError } from '../api/api-error';
import { useWarehouseSessionStore } from '../stores/warehouse-session';

/**
 * Runs a warehouse call for a page: a 401 sends the worker to sign in (the layout watches the
 * session); any other failure becomes `problem`, a message key, unless the page reads the
 * error itself (`onError` answering a key or null).
 */
export function useWarehouseRequest() {
  const session = useWarehouseSessionStore();
  const busy = ref(false);
  const problem = ref<string | null>(null);

  async function run<T>(call: () => Promise<T>, onError?: (error: ApiError) => string | null): Promise<T | null> {
    busy.value = true;
    problem.value = null;
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) session.markSessionExpired();
      else if (error instanceof ApiError && error.unreachable) problem.value = 'warehouse.common.offline';
      else problem.value = (error instanceof ApiError ? onError?.(error) : null) ?? 'warehouse.common.failed';
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, problem, run };
}

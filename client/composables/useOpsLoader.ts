import { ref, shallowRef, watch, type Ref } from 'vue';
import { opsErrorKind, type OpsErrorKind } from '../components/ops/ops-error';
import { useOpsRequest } from './useOpsRequest';

/**
 * Loads what a console page shows whenever its key (the range and filters, as a string)
 * changes, keeping the last answer on screen while the next one comes, and never letting a
 * slow answer to an older key overwrite a newer one. A null key loads nothing (another page).
 */
export function useOpsLoader<T>(key: () => string | null, load: () => Promise<T>) {
  const opsRequest = useOpsRequest();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const problem = ref<OpsErrorKind | null>(null);
  let latest = 0;

  async function reload() {
    const request = ++latest;
    loading.value = true;
    problem.value = null;
    try {
      const answer = await opsRequest(load);
      if (request === latest) data.value = answer;
    } catch (error) {
      if (request === latest) problem.value = opsErrorKind(error);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  watch(key, (value) => {
    if (value !== null) void reload();
  }, { immediate: true });

  return { data, loading, problem, reload };
}

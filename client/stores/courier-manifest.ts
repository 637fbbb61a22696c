import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError } from '../api/api-error';
import { fetchManifest } from '../api/courier-api';
import { loadManifest, saveManifest } from '../offline/courier-manifest-cache';
import type { StoredManifest } from '../offline/outbox-records';
import { useCourierSessionStore } from './courier-session';

/** Why the manifest on screen may be older than the server's: each has its own sentence. */
export type ManifestRefreshProblem = 'offline' | 'signed_out' | 'failed';

/** Today's stops: the device's copy first, then the server's whenever it answers. */
export const useCourierManifestStore = defineStore('courier-manifest', () => {
  const session = useCourierSessionStore();
  const stored = shallowRef<StoredManifest | null>(null);
  const loaded = ref(false);
  const refreshing = ref(false);
  const refreshProblem = ref<ManifestRefreshProblem | null>(null);

  const manifest = computed(() => stored.value?.manifest ?? null);
  const fetchedAt = computed(() => stored.value?.fetchedAt ?? null);

  async function open(): Promise<void> {
    const courierId = session.user?.id;
    if (courierId === undefined) return;
    if (stored.value?.courierId !== courierId) {
      stored.value = await loadManifest(courierId);
      loaded.value = true;
    }
    await refresh();
  }

  async function refresh(): Promise<void> {
    const courierId = session.user?.id;
    if (courierId === undefined || refreshing.value) return;
    refreshing.value = true;
    try {
      const fresh = await fetchManifest();
      const fetchedNow = Date.now();
      await saveManifest(courierId, fresh, fetchedNow);
      // The courier may have signed out (or another signed in) while the request was out.
      if (session.user?.id === courierId) stored.value = { courierId, manifest: fresh, fetchedAt: fetchedNow };
      refreshProblem.value = null;
    } catch (error) {
      refreshProblem.value = problemFor(error);
      if (refreshProblem.value === 'signed_out') session.markSessionExpired();
    } finally {
      refreshing.value = false;
      loaded.value = true;
    }
  }

  function forget() {
    stored.value = null;
    loaded.value = false;
    refreshProblem.value = null;
  }

  return { manifest, fetchedAt, loaded, refreshing, refreshProblem, open, refresh, forget };
});

function problemFor(error: unknown): ManifestRefreshProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 401 || error.status === 403) return 'signed_out';
  if (error.unreachable || error.status >= 500) return 'offline';
  return 'failed';
}

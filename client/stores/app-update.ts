import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * A newer service worker is installed and waiting. The page decides when to switch,
 * because switching mid-task would reload under the customer's fingers.
 */
export const useAppUpdateStore = defineStore('app-update', () => {
  const updateReady = ref(false);
  let activateUpdate: (() => void) | null = null;

  function offerUpdate(activate: () => void) {
    activateUpdate = activate;
    updateReady.value = true;
  }

  function applyUpdate() {
    activateUpdate?.();
  }

  function dismissUpdate() {
    updateReady.value = false;
  }

  return { updateReady, offerUpdate, applyUpdate, dismissUpdate };
});

import { readonly, ref, type Ref } from 'vue';

// One listener pair for the whole app, created on first use.
let online: Ref<boolean> | null = null;

/** Whether the browser thinks it has a network. `false` is reliable; `true` may still mean a dead link. */
export function useOnlineStatus(): Readonly<Ref<boolean>> {
  if (!online) {
    const state = ref(navigator.onLine);
    window.addEventListener('online', () => (state.value = true));
    window.addEventListener('offline', () => (state.value = false));
    online = state;
  }
  return readonly(online);
}

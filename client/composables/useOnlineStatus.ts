import { readonly, ref, type Ref } from 'vue';

// One listener pair for the whole app, created on first use.
let online: Ref<boolean> | null = null;

/** Whether the browser thinks it has a network. `false` is reliable; `true` may still mean a dead link. */
export function useOnlineStatus(): Readonly<Ref<boolean>> {
  if (!online) {
    // The server's render of a page (client/ssr/) draws it as online: that is how it was asked for.
    const state = ref(import.meta.env.SSR || navigator.onLine);
    if (!import.meta.env.SSR) {
      window.addEventListener('online', () => (state.value = true));
      window.addEventListener('offline', () => (state.value = false));
    }
    online = state;
  }
  return readonly(online);
}

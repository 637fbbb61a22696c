import type { Pinia } from 'pinia';
import { useAppUpdateStore } from '../stores/app-update';

async function registerServiceWorker(pinia: Pinia): Promise<void> {
  // workbox-window loads only now, so it never competes with the first paint.
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox('/sw.js', { scope: '/' });
  const updates = useAppUpdateStore(pinia);
  workbox.addEventListener('waiting', () => {
    updates.offerUpdate(() => {
      // Reload only once the new worker controls the page, or the old one would answer again.
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    });
  });
  await workbox.register();
}

/** Registers the service worker after the page has loaded. Not in dev: Vite serves no sw.js there. */
export function installPwa(pinia: Pinia): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const register = () => void registerServiceWorker(pinia).catch((error: unknown) => console.warn('Service worker registration failed', error));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

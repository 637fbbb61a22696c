import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
// Vite copies the reader's wasm into dist/assets under a hashed name: the polyfill's default
// is jsDelivr, and the courier's phone must scan with no network but our own server (or none).
import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? zxingReaderWasmUrl : prefix + path),
  },
});

/**
 * The Barcode Detection API on ZXing-C++ in WebAssembly, for the phones without a native one
 * (iPhones, desktop Chromium, Firefox). Only the courier's scanner imports this, lazily.
 */
export { BarcodeDetector };

/** Resolves once the service worker handles this page's requests (never without one, as in dev). */
async function serviceWorkerInControl(): Promise<void> {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return;
  await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
}

/**
 * Fetches the wasm while the courier still has signal, through the service worker so it keeps
 * it (cached on first use, not precached: ~460 KB gzip that customers would download for
 * nothing). On the very first visit that waits until the worker, just installed, takes over.
 */
export async function keepScannerForOffline(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await serviceWorkerInControl();
  await fetch(zxingReaderWasmUrl).then((response) => response.arrayBuffer()).catch(() => undefined);
}

import { onBeforeUnmount, ref, type Ref } from 'vue';

/** The Barcode Detection API (native in Chromium on Android); not in TypeScript's DOM types yet. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: LabelFormat[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<readonly string[]>;
}

/** Parcel labels carry a Code 128 barcode and often a QR code; the others cover depot labels. */
const WANTED_FORMATS = ['code_128', 'qr_code', 'code_39', 'data_matrix', 'ean_13'] as const;
type LabelFormat = (typeof WANTED_FORMATS)[number];
const SCAN_INTERVAL_MS = 200;

function nativeDetector(): BarcodeDetectorClass | null {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

async function labelFormats(Detector: BarcodeDetectorClass): Promise<LabelFormat[]> {
  const supported = await Detector.getSupportedFormats().catch((): readonly string[] => []);
  return WANTED_FORMATS.filter((format) => supported.includes(format));
}

/**
 * The phone's own detector, else the ZXing polyfill: a lazy chunk of the courier and warehouse faces that
 * phones with a working native detector never download. (Some Android phones have the API but
 * read no format, without Google Play services.) Null when even the polyfill cannot load.
 */
async function labelDetector(): Promise<{ Detector: BarcodeDetectorClass; formats: LabelFormat[] } | null> {
  const native = nativeDetector();
  const nativeFormats = native ? await labelFormats(native) : [];
  if (native && nativeFormats.length > 0) return { Detector: native, formats: nativeFormats };
  const polyfill: BarcodeDetectorClass | null = await import('./zxing-barcode-detector').then((m) => m.BarcodeDetector).catch(() => null);
  const formats = polyfill ? await labelFormats(polyfill) : [];
  return polyfill && formats.length > 0 ? { Detector: polyfill, formats } : null;
}

/** Whether to offer the camera at all (any phone with one, through the polyfill); typed entry is always there. */
export function canScanBarcodes(): boolean {
  return typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * Where the polyfill is needed, fetch its wasm now, while there is signal: the service worker
 * keeps it, and the scanner then works in a basement with none.
 */
export function keepScannerForOffline(): void {
  if (nativeDetector() || !canScanBarcodes()) return;
  void import('./zxing-barcode-detector').then((polyfill) => polyfill.keepScannerForOffline()).catch(() => undefined);
}

export type ScannerState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * Reads barcodes from the back camera into `video` until `onCode` accepts one. The camera is
 * released when scanning stops or the component goes, so its light never stays on.
 */
export function useBarcodeScanner(video: Ref<HTMLVideoElement | null>, onCode: (raw: string) => boolean) {
  const state = ref<ScannerState>('starting');
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function stop() {
    stopped = true;
    clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
  }

  async function start() {
    const detector = await labelDetector();
    if (!detector || !video.value) {
      state.value = 'unavailable';
      return;
    }
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (error) {
      state.value = error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable';
      return;
    }
    if (stopped) return stop();
    video.value.srcObject = stream;
    await video.value.play().catch(() => undefined);
    state.value = 'scanning';
    const reader = new detector.Detector({ formats: detector.formats });
    const look = async () => {
      if (stopped || !video.value) return;
      const codes = await reader.detect(video.value).catch(() => [] as DetectedBarcode[]);
      if (codes.some((code) => onCode(code.rawValue))) return stop();
      timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
    };
    void look();
  }

  onBeforeUnmount(stop);
  return { state, start, stop };
}

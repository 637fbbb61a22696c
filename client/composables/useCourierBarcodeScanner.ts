import { onBeforeUnmount, ref, type Ref } from 'vue';

/** The Barcode Detection API (Chromium on Android, Safari 17+); not in TypeScript's DOM types yet. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

/** Parcel labels carry a Code 128 barcode and often a QR code; the others cover depot labels. */
const WANTED_FORMATS = ['code_128', 'qr_code', 'code_39', 'data_matrix', 'ean_13'];
const SCAN_INTERVAL_MS = 200;

function detectorClass(): BarcodeDetectorClass | null {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;
}

/** Whether to offer the camera at all; typed entry is always there. */
export function canScanBarcodes(): boolean {
  return detectorClass() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

export type ScannerState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/**
 * Reads barcodes from the back camera into `video` until `onCode` accepts one. The camera is
 * released when scanning stops or the component goes, so its light never stays on.
 */
export function useCourierBarcodeScanner(video: Ref<HTMLVideoElement | null>, onCode: (raw: string) => boolean) {
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
    const Detector = detectorClass();
    if (!Detector || !video.value) {
      state.value = 'unavailable';
      return;
    }
    const supported = await Detector.getSupportedFormats().catch(() => [] as string[]);
    const formats = WANTED_FORMATS.filter((format) => supported.includes(format));
    if (formats.length === 0) {
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
    const detector = new Detector({ formats });
    const look = async () => {
      if (stopped || !video.value) return;
      const codes = await detector.detect(video.value).catch(() => [] as DetectedBarcode[]);
      if (codes.some((code) => onCode(code.rawValue))) return stop();
      timer = setTimeout(() => void look(), SCAN_INTERVAL_MS);
    };
    void look();
  }

  onBeforeUnmount(stop);
  return { state, start, stop };
}

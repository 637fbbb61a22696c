import type { DraftImage } from '../../offline/outbox-queue';

/** A photo or signature taken in a form: the stored bytes plus a preview URL for the screen. */
export interface CapturedImage extends DraftImage {
  previewUrl: string;
}

export function capturedImage(id: string, blob: Blob): CapturedImage {
  return { id, blob, previewUrl: URL.createObjectURL(blob) };
}

/** Preview URLs hold their Blob in memory until revoked. */
export function releaseCapturedImage(image: CapturedImage): void {
  URL.revokeObjectURL(image.previewUrl);
}

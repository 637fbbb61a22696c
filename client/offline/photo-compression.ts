/**
 * Photos are shrunk on the phone before they are stored: a 12-megapixel camera shot is 4 MB,
 * which fills the outbox and takes minutes on a rural uplink; 1600 px at JPEG 0.8 is a few
 * hundred KB and still shows a damaged box or a house number clearly.
 */
export const MAX_PHOTO_SIDE = 1600;
export const PHOTO_QUALITY = 0.8;

export class UnreadablePhotoError extends Error {
  constructor(cause: unknown) {
    super('This image cannot be read', { cause });
    this.name = 'UnreadablePhotoError';
  }
}

/** The size that fits the long side into `maxSide`, keeping the shape; never enlarged. */
export function scaledSize(width: number, height: number, maxSide = MAX_PHOTO_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

type DrawingSurface = HTMLCanvasElement | OffscreenCanvas;

function surfaceOf(width: number, height: number): DrawingSurface {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** JPEG has no transparency: paint white first, or a transparent PNG or signature turns black. */
export async function drawAsJpeg(source: CanvasImageSource, width: number, height: number): Promise<Blob> {
  const surface = surfaceOf(width, height);
  const context = surface.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new Error('No 2D canvas on this device');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  if (surface instanceof HTMLCanvasElement) {
    return new Promise((resolve, reject) =>
      surface.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the image'))), 'image/jpeg', PHOTO_QUALITY),
    );
  }
  return surface.convertToBlob({ type: 'image/jpeg', quality: PHOTO_QUALITY });
}

/** Decodes (turned upright by its EXIF orientation, the browser's default), shrinks and re-encodes a camera photo. */
export async function compressPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (error) {
    throw new UnreadablePhotoError(error);
  }
  try {
    const { width, height } = scaledSize(bitmap.width, bitmap.height);
    return await drawAsJpeg(bitmap, width, height);
  } finally {
    bitmap.close();
  }
}

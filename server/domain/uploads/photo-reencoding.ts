import sharp from 'sharp';
import { AppError, unprocessable } from '../../app-error';
import { sniffImageType } from './image-type';

/**
 * Every photo is decoded and drawn again before it is kept: only pixels survive. The camera's
 * EXIF (GPS position of a customer's door, phone model, time), ICC/XMP blocks and anything
 * hidden after the image's end (a PNG followed by an HTML page) are gone, because sharp writes
 * no metadata unless asked (no withMetadata/keepExif here).
 */

/** Long edge of a stored photo: enough to read a label or see a dent, a few hundred KB as JPEG. */
export const MAX_PHOTO_EDGE = 2048;
/** Refused before decoding: a few KB of PNG can claim 20 000 × 20 000 pixels (1.6 GB decoded). */
export const MAX_INPUT_PIXELS = 40_000_000;
const JPEG_QUALITY = 82;

export interface ReencodedPhoto {
  bytes: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

export async function reencodePhoto(received: Uint8Array): Promise<ReencodedPhoto> {
  // The bytes must say JPEG, PNG or WebP themselves; sharp would also open SVG, TIFF, GIF, HEIF…
  const claimed = sniffImageType(received);
  if (!claimed) throw new AppError(415, 'not_an_image', 'Only JPEG, PNG and WebP photos can be uploaded');
  const input = () => sharp(received, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  try {
    const header = await input().metadata();
    if (`image/${header.format}` !== claimed) throw unreadable();
    const { data, info } = await input()
      // Applies the EXIF orientation to the pixels, since the EXIF that said it is dropped.
      .rotate()
      .resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
      // JPEG has no transparency: a see-through PNG (a signature) goes on white, not black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw unprocessable('photo_too_many_pixels', `Photos are limited to ${MAX_INPUT_PIXELS} pixels`);
    }
    throw unreadable();
  }
}

const unreadable = () => unprocessable('photo_unreadable', 'The photo could not be read as an image');

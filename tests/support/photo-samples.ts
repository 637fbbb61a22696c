import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real images made with sharp for the upload tests: what a phone sends, and what an attacker
 * would try. Made at test time so the repository holds no binary files.
 */

/** Somewhere in Shenzhen: a customer's front door, as a phone camera writes it into EXIF. */
export const HOME_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '22/1 32/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '113/1 56/1 789/100' };

/** A JPEG carrying the camera's EXIF, GPS position included. */
export async function jpegWithGps(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c08040' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Doorstep Test Phone' }, IFD3: HOME_GPS })
    .toBuffer();
}

/** A JPEG whose EXIF says "turn me a quarter to the right" (orientation 6), as phones save portrait shots. */
export async function sidewaysJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#4080c0' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

/** A valid PNG with an HTML page after its end: a browser sniffing it as HTML would run the script. */
export async function pngWithHtml(): Promise<Buffer> {
  const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#2080c0' } }).png().toBuffer();
  return Buffer.concat([png, Buffer.from('<html><body><script>fetch("/api/ops/returns")</script></body></html>')]);
}

export async function plainImage(width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080' } })[format]().toBuffer();
}

/**
 * A decompression bomb: a PNG of a few hundred bytes whose header claims `width` × `height`
 * pixels of one grey (20 000 × 20 000 is 400 MB once decoded).
 */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(data.length + 12);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), data.length + 8);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample; colour type 0 (grey), no interlace
  const firstRows = deflateSync(Buffer.alloc((width + 1) * 16));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', firstRows), chunk('IEND', Buffer.alloc(0))]);
}

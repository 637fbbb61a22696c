import { deflateSync } from 'node:zlib';

/**
 * A customer's evidence photo for the demo returns: a cardboard box with a dent and a tear,
 * drawn as a small PNG so the demo needs no binary files in the repository.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

type Rgb = [number, number, number];

function pixel(x: number, y: number, w: number, h: number, variant: number): Rgb {
  const inBox = x > w * 0.18 && x < w * 0.82 && y > h * 0.22 && y < h * 0.86;
  if (!inBox) return [236 - (y >> 4), 232 - (y >> 4), 226 - (y >> 4)];
  const seam = Math.abs(x - w / 2) < 3;
  // A tear running down from the top edge, or a crushed corner.
  const tear = variant % 2 === 0 ? Math.abs(y - h * 0.22 - (x - w * 0.3) * 0.9) < 4 && x < w * 0.55 : x > w * 0.68 && y < h * 0.22 + (x - w * 0.68) * 1.2;
  if (tear) return [70, 48, 30];
  if (seam) return [150, 110, 70];
  const shade = ((x * 7 + y * 3) % 23) - 11;
  return [196 + shade, 150 + shade, 98 + shade];
}

export function demoEvidencePng(variant: number, width = 320, height = 240): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y, width, height, variant);
      raw.set([r, g, b], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

import { writeFileSync } from 'node:fs';
import { encode } from 'uqr';

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 5;

/**
 * A QR code (uqr, the encoder the return drop-off code uses) as Chromium's fake camera sees it:
 * a Y4M file, the uncompressed format `--use-file-for-fake-video-capture` loops over. Y4M is a
 * one-line header, then per frame `FRAME\n` and the three I420 planes; black modules on white
 * need only the brightness plane, the two colour planes stay neutral (128).
 */
export function writeQrCodeCameraFile(path: string, text: string): void {
  const modules = encode(text, { border: 0 }).data;
  const quietZone = 4;
  const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (modules.length + 2 * quietZone));
  const left = Math.floor((WIDTH - modules.length * scale) / 2);
  const top = Math.floor((HEIGHT - modules.length * scale) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) luma.fill(16, (top + y * scale + dy) * WIDTH + left + x * scale, (top + y * scale + dy) * WIDTH + left + (x + 1) * scale);
    }),
  );
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}

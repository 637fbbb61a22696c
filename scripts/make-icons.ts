/**
 * Renders the app icons from one SVG drawing: favicon.svg as is, the PNGs with headless Chromium.
 *   npx tsx scripts/make-icons.ts
 * Writes client/public/favicon.svg and client/public/icons/. Run again after changing the
 * drawing, and commit the results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const PUBLIC_DIR = join(import.meta.dirname, '..', 'client', 'public');
const OUT_DIR = join(PUBLIC_DIR, 'icons');
const BRAND_BLUE = '#1d4ed8';

/** A door with a parcel on its step, on a 48-unit grid. */
const DOOR_ART = `
  <path d="M16 35V20a8 8 0 0 1 16 0v15" fill="none" stroke="#fff" stroke-width="3.5" stroke-linejoin="round"/>
  <path d="M11 36.5h26" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/>
  <rect x="21" y="26" width="9" height="9" rx="1.5" fill="#fbbf24"/>`;

interface IconSpec {
  file: string;
  size: number;
  /** Maskable and Apple icons fill the square; the platform cuts its own shape. */
  fullBleed: boolean;
  /** Shrinks the drawing toward the centre, to stay inside a maskable icon's safe zone. */
  artScale: number;
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, fullBleed: false, artScale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, artScale: 1 },
  // The safe zone is the centre circle of 80 % diameter; the drawing keeps well inside it.
  { file: 'icon-maskable-512.png', size: 512, fullBleed: true, artScale: 0.72 },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, artScale: 0.86 },
];

/** The favicon and the header's logo: rounded square, no fixed pixel size. */
const FAVICON_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="12" fill="${BRAND_BLUE}"/>` +
  `${DOOR_ART.replace(/\s*\n\s*/g, '')}</svg>\n`;

function iconSvg({ size, fullBleed, artScale }: IconSpec): string {
  const background = fullBleed
    ? `<rect width="48" height="48" fill="${BRAND_BLUE}"/>`
    : `<rect width="48" height="48" rx="12" fill="${BRAND_BLUE}"/>`;
  const shift = 24 * (1 - artScale);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48">
    ${background}
    <g transform="translate(${shift} ${shift}) scale(${artScale})">${DOOR_ART}</g>
  </svg>`;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(PUBLIC_DIR, 'favicon.svg'), FAVICON_SVG);
  console.log('wrote favicon.svg');
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${iconSvg(icon)}</body></html>`,
      );
      const png = await page.locator('svg').screenshot({ omitBackground: !icon.fullBleed });
      writeFileSync(join(OUT_DIR, icon.file), png);
      console.log(`wrote ${icon.file} (${icon.size}×${icon.size}, ${png.length} bytes)`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

await main();

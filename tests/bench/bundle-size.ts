import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { line } from './bench-support';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * What a phone downloads to show /t/:no the first time: the entry, the tracking page's
 * chunk, everything they import statically, their CSS, and the Chinese messages (loaded at
 * start for the primary market); gzip level 9 as the server's precompressed files are.
 * Lazily loaded chunks (other faces, the other language, service worker registration) are
 * not first load.
 */
export function trackingFirstLoadBytes(distDir = 'dist') {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  // Rollup may merge the page into a shared chunk, which the manifest then keys by chunk name.
  const pageKey = Object.keys(manifest).find(
    (k) => k.endsWith('pages/customer/TrackingPage.vue') || (manifest[k]!.name === 'TrackingPage' && manifest[k]!.isDynamicEntry),
  );
  const messagesKey = Object.keys(manifest).find((k) => k.endsWith('locales/zh-CN.json'));
  if (!entryKey || !pageKey || !messagesKey) throw new Error('dist/.vite/manifest.json lacks the entry or the tracking page');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);
  visit(pageKey);
  visit(messagesKey);
  files.add('index.html');
  let total = 0;
  const parts: Array<[string, number]> = [];
  for (const file of files) {
    const size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
    if (!file.endsWith('.html')) total += size;
    parts.push([file, size]);
  }
  // Fetched right after the load event, so it can't delay the first paint; shown apart.
  const afterLoad = (manifest[entryKey]!.dynamicImports ?? [])
    .filter((key) => key.includes('workbox-window'))
    .map((key) => gzipSync(readFileSync(join(distDir, manifest[key]!.file)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  return { total, parts, afterLoad };
}

export function benchBundleSize() {
  console.log('\nCustomer tracking page, first load');
  const { total, parts, afterLoad } = trackingFirstLoadBytes();
  for (const [file, size] of parts) console.log(`    ${file.padEnd(48)} ${(size / 1024).toFixed(1)} KB gzip`);
  line('JS + CSS, gzip', `${(total / 1024).toFixed(1)} KB`, '≤ 60 KB', total <= 60 * 1024);
  line('  + service worker registration, after load', `${(afterLoad / 1024).toFixed(1)} KB`, '', null);
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
// A dependency of vue-i18n (same 11.3 line), used here at build time only.
import { baseCompile } from '@intlify/message-compiler';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiPort = process.env.API_PORT ?? '8787';
const COMPRESSIBLE = /\.(js|css|html|json|svg|webmanifest|wasm)$/;

type MessageTree = { [key: string]: string | MessageTree };

/**
 * Compiles the locale files' messages to vue-i18n's AST at build time, so the phone never
 * downloads the message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__` below drops it; about
 * 9 KB gzip). The output is still JSON, which Vite's own JSON plugin then turns into a module.
 */
function precompiledLocaleMessages(): Plugin {
  const compileTree = (tree: MessageTree, path: string): unknown =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => {
        if (typeof value !== 'string') return [key, compileTree(value, `${path}.${key}`)];
        const { ast } = baseCompile(value, {
          jit: true,
          minify: true,
          location: false,
          onError: (error) => {
            throw new Error(`Bad message ${path}.${key}: ${error.message}`);
          },
        });
        return [key, ast];
      }),
    );
  return {
    name: 'doorstep:precompiled-locale-messages',
    enforce: 'pre',
    transform(source, id) {
      // The app's messages and every face's or feature's own folder of them (courier, ops, pickup …).
      if (!/\/client\/locales\/([\w-]+\/)?[\w-]+\.json$/.test(id)) return null;
      const locale = id.slice(id.lastIndexOf('/') + 1, -'.json'.length);
      return { code: JSON.stringify(compileTree(JSON.parse(source) as MessageTree, locale)), map: null };
    },
  };
}

/**
 * Writes `.gz` and `.br` beside each text file: the server serves them precompressed
 * instead of compressing on every request. Runs after vite-plugin-pwa has written sw.js.
 */
function precompressedCopies(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return {
    name: 'doorstep:precompressed-copies',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
          const body = readFileSync(file);
          writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
          writeFileSync(
            `${file}.br`,
            brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
      },
    },
  };
}

/**
 * What every customer page shares: status words and tones, local times, tracking numbers, the
 * API client, "my parcels". Left to Rollup, each page that uses a different subset splits it
 * into another tiny chunk (eight of them once the return pages came), each paying a wrapper,
 * an import list and a preload entry out of the first load's 60 KB budget (quality.md).
 */
/**
 * hono/client turns a call's `cookie:` argument into a Cookie header with hono's full cookie
 * serializer (its __Secure-/__Host- prefix checks and their messages, ~0.3 KB gzip on the first
 * load). A browser never passes that argument, it sends its own cookies, so the client build
 * gets a stand-in that says so if anyone ever does.
 */
function honoClientWithoutCookieArguments(): Plugin {
  const standIn = '\0hono-client-cookie';
  return {
    name: 'doorstep:hono-client-without-cookie-arguments',
    enforce: 'pre',
    resolveId: (source, importer) => (source === '../utils/cookie.js' && importer?.includes('/hono/dist/client/') ? standIn : null),
    load: (id) =>
      // The message stays short: it is on the first load, and says enough with this comment.
      id === standIn ? "export const serialize = () => { throw new Error('no cookie argument'); };" : null,
  };
}

/**
 * Marks the chunks a customer's first page runs almost all of with V8's explicit compile hint
 * (`//# allFunctionsCalledOnLoad`, Chrome 136+; a plain comment elsewhere). Without it V8
 * compiles each function on the main thread the first time it is called, which on a slow
 * phone was about half of the start-up's long tasks (issue 13's Lighthouse TBT); with it the
 * whole chunk is compiled while it streams in, off the main thread. Added after minification
 * (which would drop it as a comment) and after Vite's preload lists (which go in front of the code).
 */
function compileHintsForFirstLoad(chunkNames: readonly string[]): Plugin {
  return {
    name: 'doorstep:compile-hints-for-first-load',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunkNames.includes(chunk.name)) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

const CUSTOMER_CORE = [
  '/shared/tracking/tracking-number.ts',
  '/shared/tracking/statuses.ts',
  '/client/components/tracking/tracking-status-tone',
  '/client/composables/useStatusText.ts',
  '/client/composables/useLocalTimeFormat.ts',
  '/client/composables/useReasonLabels.ts',
  '/client/api/api-error.ts',
  '/client/api/api-client.ts',
  '/client/components/tracking/TrackingStatusIcon.vue',
  '/client/stores/my-parcels.ts',
];

const define = {
  // vue-i18n's composition API only: drops the legacy API, global components and devtools
  // hooks from the customer's first load (the 60 KB budget in quality.md).
  __VUE_I18N_FULL_INSTALL__: false,
  __VUE_I18N_LEGACY_API__: false,
  __INTLIFY_PROD_DEVTOOLS__: false,
  __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  // Every component uses <script setup>; Vue's Options API code would be dead weight.
  __VUE_OPTIONS_API__: false,
};

/**
 * `vite build --ssr` (after the client build, which empties dist/): the tracking page's server
 * render (client/ssr/render-tracking-page.ts) into dist/ssr/, which server/http/tracking-page.ts
 * loads. The same plugins compile the same components, so its markup carries the same scoped-style
 * ids as the browser's. Vue and its libraries stay imports from node_modules; nothing of this
 * reaches a phone (the server never serves dist/ssr/).
 */
const trackingPageRenderBuild: UserConfig = {
  // Known, so the header's /favicon.svg stays a URL; not copied (copyPublicDir below).
  publicDir: 'client/public',
  define,
  plugins: [honoClientWithoutCookieArguments(), precompiledLocaleMessages(), vue()],
  build: {
    outDir: 'dist/ssr',
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'node20',
    minify: false,
    rollupOptions: { input: 'client/ssr/render-tracking-page.ts' },
  },
};

/** `vite build`: the app, its service worker and their precompressed copies, into dist/. */
const appBuild: UserConfig = {
  publicDir: 'client/public',
  define,
  plugins: [
    honoClientWithoutCookieArguments(),
    precompiledLocaleMessages(),
    vue(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'client/sw',
      filename: 'sw.ts',
      // client/modules/pwa.ts registers it after load, off the critical path.
      injectRegister: false,
      injectManifest: {
        // The plugin adds the manifest and its icons itself; listing them here would add them twice.
        globPatterns: ['**/*.{js,css,html,svg}'],
      },
      manifest: {
        name: 'Doorstep 包裹追踪',
        short_name: 'Doorstep',
        description: '随时查看包裹到哪儿了，离线也能看。Track your parcels, even offline.',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1d4ed8',
        background_color: '#f4f6fa',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    compileHintsForFirstLoad(['vendor', 'customer-core', 'TrackingPage']),
    precompressedCopies(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads dist/.vite/manifest.json to add up the tracking route's first load.
    manifest: true,
    target: 'es2022',
    rollupOptions: {
      output: {
        // Vue and its libraries are named too: a manual chunk otherwise takes in its modules'
        // dependencies, and Vue would move out of the first chunk into customer-core.
        manualChunks: (id) => {
          if (/node_modules\/(vue|@vue|vue-router|vue-i18n|@intlify|pinia)\//.test(id)) return 'vendor';
          // The digits form stays in the tracking page's chunk, which the order page loads to use
          // it: shared by two pages, Rollup would split it into a chunk of its own, one more
          // request and ~0.6 KB gzip on the tracking page's first load.
          if (/\/client\/(pages\/customer\/TrackingPage|components\/tracking\/TrackingVerifyForm)\.vue/.test(id)) return 'TrackingPage';
          if (CUSTOMER_CORE.some((path) => id.includes(path)) || /node_modules\/hono\//.test(id)) return 'customer-core';
          return undefined;
        },
      },
    },
    // Terser's two passes shrink the first load by ~3 KB gzip over esbuild's single pass, which
    // is what keeps the tracking route inside its 60 KB budget. (terser is vite's optional peer,
    // already installed through workbox-build.) pure_getters (property reads have no side effects
    // when their value is unused) is what Vue's own production playground builds with; it saves
    // ~200 bytes gzip. Nothing here reads a property only for its effect.
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } },
    // Every browser that can install this PWA supports modulepreload; the polyfill is dead weight.
    modulePreload: {
      polyfill: false,
      // Every lazy route's preload list is written into the chunk that imports it. Only the
      // pages a customer lands on (home, tracking) need theirs for speed; the others (returns,
      // not found, the courier's and ops faces) load their JS through their own imports, one
      // round trip later, and keep their CSS listed, since a lazy chunk's CSS loads only from there.
      resolveDependencies: (filename, deps, { hostType }) => {
        if (hostType === 'html') return deps;
        if (!/\/(HomePage|TrackingPage)-/.test(filename)) return deps.filter((dep) => dep.endsWith('.css'));
        // Vendor and customer-core are the entry's own imports, preloaded by index.html itself:
        // listed again here they cost the first load ~40 bytes gzip for nothing.
        return deps.filter((dep) => !/\/(vendor|customer-core)-/.test(dep));
      },
    },
  },
  server: {
    // SSE streams pass through the dev proxy as long as nothing buffers them.
    proxy: { '/api': `http://localhost:${apiPort}` },
  },
};

export default defineConfig(({ isSsrBuild }) => (isSsrBuild ? trackingPageRenderBuild : appBuild));

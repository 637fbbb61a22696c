import { createPinia } from 'pinia';
import { createSSRApp, type Component } from 'vue';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import { renderToString } from 'vue/server-renderer';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import App from '../App.vue';
import { loadLocaleMessages, type AppLocale, type LocaleMessages } from '../locales/app-locale';
import TrackingPage from '../pages/customer/TrackingPage.vue';
import { useTrackingStore } from '../stores/tracking';

/** Nothing of it is drawn: only for the header's link home to resolve. */
const NoPage: Component = { render: () => null };

export { renderInShopTimeZone } from '../shop/shop-time-zone';

/**
 * The tracking page as the browser's first render draws it, drawn on the server with the same
 * components (server/http/tracking-page.ts puts it in the page), so a phone shows the parcel
 * before any script has run. Built by `vite build --ssr` into dist/ssr/.
 *
 * The browser does not hydrate it: Vue's hydration would add 1.9 KB gzip to a first load that
 * has 0.1 KB left (quality.md's 60 KB). It mounts over it instead, with the same view (the one
 * the server also wrote into the page), the same language and the same time zone, so the swap
 * draws the same picture in one frame.
 */
export async function renderTrackingPage(view: PublicTrackingView, locale: AppLocale): Promise<string> {
  // A new app, store and router per page: nothing of one customer's page may reach another's.
  const app = createSSRApp(App);
  const pinia = createPinia();
  app.use(pinia);
  const tracking = useTrackingStore(pinia);
  tracking.trackingNo = view.trackingNo;
  tracking.view = view;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/t/:trackingNo', name: 'tracking', component: TrackingPage, props: true },
      { path: '/:anyPath(.*)*', component: NoPage },
    ],
  });
  app.use(router);
  app.use(
    createI18n<[LocaleMessages], AppLocale, false>({
      legacy: false,
      locale,
      fallbackLocale: false,
      // The app's own loader: the same messages, compiled the same way (imported once, then cached).
      messages: { [locale]: await loadLocaleMessages[locale]() } as Record<AppLocale, LocaleMessages>,
      missingWarn: false,
      fallbackWarn: false,
    }),
  );
  await router.push(`/t/${encodeURIComponent(view.trackingNo)}`);
  return renderToString(app);
}

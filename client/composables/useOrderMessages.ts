import { lazyLocaleMessages } from './lazy-locale-messages';

export type OrderMessages = typeof import('../locales/orders/zh-CN.json');

/** The order page's words are their own chunks: the tracking page's first load has no room for them. */
export const useOrderMessages = lazyLocaleMessages<OrderMessages>('Order', {
  'zh-CN': () => import('../locales/orders/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/orders/en.json').then((m) => m.default),
});

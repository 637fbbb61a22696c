import { lazyLocaleMessages } from './lazy-locale-messages';

export type CourierMessages = typeof import('../locales/courier/zh-CN.json');

/** The courier's words are their own chunks, so a customer's phone never downloads them. */
export const useCourierMessages = lazyLocaleMessages<CourierMessages>('Courier', {
  'zh-CN': () => import('../locales/courier/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/courier/en.json').then((m) => m.default),
});

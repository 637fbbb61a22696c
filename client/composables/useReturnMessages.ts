import { lazyLocaleMessages } from './lazy-locale-messages';

export type ReturnMessages = typeof import('../locales/returns/zh-CN.json');

/**
 * The words of returns and claims are their own chunks: the tracking page's first load has no
 * room for them, and most customers never return anything.
 */
export const useReturnMessages = lazyLocaleMessages<ReturnMessages>('Return', {
  'zh-CN': () => import('../locales/returns/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/returns/en.json').then((m) => m.default),
});

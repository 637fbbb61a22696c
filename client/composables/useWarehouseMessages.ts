import { lazyLocaleMessages } from './lazy-locale-messages';

export type WarehouseMessages = typeof import('../locales/warehouse/zh-CN.json');

/** The warehouse face's words are their own chunks, so a customer's phone never downloads them. */
export const useWarehouseMessages = lazyLocaleMessages<WarehouseMessages>('Warehouse', {
  'zh-CN': () => import('../locales/warehouse/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/warehouse/en.json').then((m) => m.default),
});

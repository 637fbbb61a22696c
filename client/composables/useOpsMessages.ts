import { lazyLocaleMessages } from './lazy-locale-messages';

export type OpsMessages = typeof import('../locales/ops/zh-CN.json');

/** The ops face's words are their own chunks, so neither a customer's nor a courier's phone downloads them. */
export const useOpsMessages = lazyLocaleMessages<OpsMessages>('Ops', {
  'zh-CN': () => import('../locales/ops/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/ops/en.json').then((m) => m.default),
});

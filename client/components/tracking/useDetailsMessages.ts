import { lazyLocaleMessages } from '../../composables/lazy-locale-messages';

export type DetailsMessages = typeof import('../../locales/details/zh-CN.json');

/**
 * The verified details' words (items, proof, instructions) are their own chunk, loaded with the
 * details: the tracking page's first load has no room for them, and no one sees them before
 * proving the parcel is theirs.
 */
export const useDetailsMessages = lazyLocaleMessages<DetailsMessages>('Details', {
  'zh-CN': () => import('../../locales/details/zh-CN.json').then((m) => m.default),
  en: () => import('../../locales/details/en.json').then((m) => m.default),
});

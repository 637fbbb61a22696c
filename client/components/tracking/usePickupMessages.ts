import { lazyLocaleMessages } from '../../composables/lazy-locale-messages';

export type PickupMessages = typeof import('../../locales/pickup/zh-CN.json');

/** The locker card's words are their own chunk: only a parcel waiting in a locker or at a station shows it. */
export const usePickupMessages = lazyLocaleMessages<PickupMessages>('Pickup', {
  'zh-CN': () => import('../../locales/pickup/zh-CN.json').then((m) => m.default),
  en: () => import('../../locales/pickup/en.json').then((m) => m.default),
});

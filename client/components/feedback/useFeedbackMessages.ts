import { lazyLocaleMessages } from '../../composables/lazy-locale-messages';

export type FeedbackMessages = typeof import('../../locales/feedback/zh-CN.json');

/** The feedback section's words are their own chunk: only a verified, delivered parcel shows it. */
export const useFeedbackMessages = lazyLocaleMessages<FeedbackMessages>('Feedback', {
  'zh-CN': () => import('../../locales/feedback/zh-CN.json').then((m) => m.default),
  en: () => import('../../locales/feedback/en.json').then((m) => m.default),
});

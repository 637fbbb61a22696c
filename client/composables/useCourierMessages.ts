import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AppLocale } from '../locales/app-locale';

export type CourierMessages = typeof import('../locales/courier/zh-CN.json');

/** The courier's words are their own chunks, so a customer's phone never downloads them. */
const loaders: Record<AppLocale, () => Promise<CourierMessages>> = {
  'zh-CN': () => import('../locales/courier/zh-CN.json').then((m) => m.default),
  en: () => import('../locales/courier/en.json').then((m) => m.default),
};

let loading: Promise<Record<AppLocale, CourierMessages>> | null = null;

/**
 * Merges the courier messages into the app's i18n and keeps them merged: switching language
 * loads that locale's app messages with setLocaleMessage, which replaces whatever was merged
 * into it, so they are merged again (synchronously, before the next render) on every switch.
 * Both languages load up front; they are small, and the switch then never shows bare keys.
 */
export function useCourierMessages(): Readonly<Ref<boolean>> {
  const { locale, mergeLocaleMessage } = useI18n({ useScope: 'global' });
  const ready = ref(false);
  let messages: Record<AppLocale, CourierMessages> | null = null;

  const mergeInto = (target: string) => {
    if (messages && target in messages) mergeLocaleMessage(target, messages[target as AppLocale]);
  };

  loading ??= Promise.all([loaders['zh-CN'](), loaders.en()])
    .then(([zh, en]) => ({ 'zh-CN': zh, en }))
    .catch((error: unknown) => {
      // A chunk that failed to arrive: the next courier page tries again.
      loading = null;
      throw error;
    });
  loading.then(
    (loaded) => {
      messages = loaded;
      mergeInto(locale.value);
      ready.value = true;
    },
    (error: unknown) => console.warn('Courier messages failed to load', error),
  );
  watch(locale, mergeInto, { flush: 'sync' });
  return ready;
}

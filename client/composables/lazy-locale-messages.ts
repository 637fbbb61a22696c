import { ref, watch, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { AppLocale } from '../locales/app-locale';

type MessageTree = Record<string, unknown>;

/**
 * Makes a composable that merges one face's or feature's messages (their own chunks, so the
 * first page never downloads them) into the app's i18n and keeps them merged: switching
 * language loads that locale's app messages with setLocaleMessage, which replaces whatever was
 * merged into it, so they are merged again (synchronously, before the next render) on every
 * switch. Both languages load up front; they are small, and a switch then never shows keys.
 * The composable answers whether they are there yet.
 */
export function lazyLocaleMessages<M extends MessageTree>(
  what: string,
  loaders: Record<AppLocale, () => Promise<M>>,
): () => Readonly<Ref<boolean>> {
  let loading: Promise<Record<AppLocale, M>> | null = null;

  return () => {
    const { locale, mergeLocaleMessage } = useI18n({ useScope: 'global' });
    const ready = ref(false);
    let messages: Record<AppLocale, M> | null = null;

    const mergeInto = (target: string) => {
      if (messages && target in messages) mergeLocaleMessage(target, messages[target as AppLocale]);
    };

    loading ??= Promise.all([loaders['zh-CN'](), loaders.en()])
      .then(([zh, en]) => ({ 'zh-CN': zh, en }))
      .catch((error: unknown) => {
        // A chunk that failed to arrive: the next page that needs them tries again.
        loading = null;
        throw error;
      });
    loading.then(
      (loaded) => {
        messages = loaded;
        mergeInto(locale.value);
        ready.value = true;
      },
      (error: unknown) => console.warn(`${what} messages failed to load`, error),
    );
    watch(locale, mergeInto, { flush: 'sync' });
    return ready;
  };
}

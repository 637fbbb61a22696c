import type { App } from 'vue';
import { createI18n } from 'vue-i18n';
import {
  type AppLocale,
  type LocaleMessages,
  loadLocaleMessages,
  pickStartLocale,
  rememberLocale,
} from '../locales/app-locale';

const i18n = createI18n<[LocaleMessages], AppLocale, false>({
  legacy: false,
  locale: 'zh-CN',
  // Both locales are complete; a missing key is a bug to see, not something to paper over.
  fallbackLocale: false,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

// Not i18n.global.availableLocales: that lists the initial locale before its messages arrive.
const loadedLocales = new Set<AppLocale>();

async function loadMessages(locale: AppLocale): Promise<void> {
  if (loadedLocales.has(locale)) return;
  i18n.global.setLocaleMessage(locale, await loadLocaleMessages[locale]());
  loadedLocales.add(locale);
}

function showLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  // Screen readers pick their voice from <html lang>; keep it in step with the text.
  document.documentElement.lang = locale;
}

export async function switchLocale(locale: AppLocale): Promise<void> {
  await loadMessages(locale);
  showLocale(locale);
  rememberLocale(locale);
}

/** Loads only the starting locale's messages; the other arrives when someone switches. */
export async function installI18n(app: App): Promise<void> {
  const locale = pickStartLocale();
  await loadMessages(locale);
  showLocale(locale);
  app.use(i18n);
}

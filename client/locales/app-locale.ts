import { readFromDevice, writeToDevice } from '../offline/device-storage';

export const APP_LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];
export type LocaleMessages = typeof import('./zh-CN.json');

const STORAGE_KEY = 'locale';

const isAppLocale = (value: unknown): value is AppLocale => APP_LOCALES.includes(value as AppLocale);

/** Each locale is its own chunk, so a phone only downloads the language it shows. */
export const loadLocaleMessages: Record<AppLocale, () => Promise<LocaleMessages>> = {
  'zh-CN': () => import('./zh-CN.json').then((m) => m.default),
  en: () => import('./en.json').then((m) => m.default),
};

/** The remembered choice first, then the browser's languages: any Chinese → zh-CN, else English. */
export function pickStartLocale(): AppLocale {
  const remembered = readFromDevice(STORAGE_KEY, isAppLocale);
  if (remembered) return remembered;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  const first = preferred.find(Boolean)?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLocale(locale: AppLocale): void {
  writeToDevice(STORAGE_KEY, locale);
}

export function otherLocale(locale: AppLocale): AppLocale {
  return locale === 'zh-CN' ? 'en' : 'zh-CN';
}

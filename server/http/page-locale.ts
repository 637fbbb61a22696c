/** The languages the app is written in (client/locales/). */
export type PageLocale = 'zh-CN' | 'en';

/**
 * The language a page is drawn in on the server: the rule the browser applies at start
 * (pickStartLocale in client/locales/app-locale.ts) to the same list, since Accept-Language is
 * navigator.languages in order. A choice remembered on the phone is not known here; the app
 * then redraws in it when it starts.
 */
export function pageLocale(acceptLanguage: string | undefined): PageLocale {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

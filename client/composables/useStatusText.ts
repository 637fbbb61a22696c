import { useI18n } from 'vue-i18n';
import { STATUS_LABELS, findSubStatus, type TrackingStatus } from '../../shared/tracking/statuses';
import type { AppLocale } from '../locales/app-locale';

/** Status and sub-status names come from the shared taxonomy, not the locale files: the server names them too. */
export function useStatusText() {
  const { locale } = useI18n();
  const lang = () => locale.value as AppLocale;
  return {
    statusLabel: (status: TrackingStatus) => STATUS_LABELS[status][lang()],
    subStatusLabel: (code: string, status: TrackingStatus) =>
      findSubStatus(code)?.label[lang()] ?? STATUS_LABELS[status][lang()],
  };
}

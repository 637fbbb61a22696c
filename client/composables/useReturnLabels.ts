import { useI18n } from 'vue-i18n';
import type { Refusal } from '../../shared/returns/return-eligibility';
import { CONDITION_LABELS, findReturnReason, type ItemCondition } from '../../shared/returns/return-reasons';
import { RETURN_STATUS_LABELS, type ReturnStatus } from '../../shared/returns/return-status';
import type { LocalizedText } from '../../shared/tracking/statuses';
import type { AppLocale } from '../locales/app-locale';

/**
 * Reasons, conditions, statuses and refusals are named in shared/ (the server words its
 * refusals from the same texts), so they are read from there in the app's language.
 */
export function useReturnLabels() {
  const { locale } = useI18n();
  const inLocale = (text: LocalizedText) => text[locale.value as AppLocale];
  return {
    inLocale,
    reasonLabel: (code: string) => {
      const reason = findReturnReason(code);
      return reason ? inLocale(reason.label) : code;
    },
    detailLabel: (reasonCode: string, detailCode: string) => {
      const detail = findReturnReason(reasonCode)?.details.find((d) => d.code === detailCode);
      return detail ? inLocale(detail.label) : detailCode;
    },
    conditionLabel: (condition: ItemCondition) => inLocale(CONDITION_LABELS[condition]),
    returnStatusLabel: (status: ReturnStatus) => inLocale(RETURN_STATUS_LABELS[status]),
    refusalText: (refusal: Refusal) => inLocale(refusal.message),
  };
}

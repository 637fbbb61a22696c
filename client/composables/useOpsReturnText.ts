import { useI18n } from 'vue-i18n';
import { CONDITION_LABELS, findReturnReason, type ItemCondition, type ReturnReasonCode } from '../../shared/returns/return-reasons';
import { RETURN_STATUS_LABELS, type ReturnStatus } from '../../shared/returns/return-status';
import { STATUS_LABELS, isTrackingStatus } from '../../shared/tracking/statuses';
import type { AppLocale } from '../locales/app-locale';

/** Return statuses, reasons and conditions come from the shared taxonomy, which the server names too. */
export function useOpsReturnText() {
  const { locale } = useI18n();
  const lang = () => locale.value as AppLocale;
  return {
    returnStatusLabel: (status: ReturnStatus) => RETURN_STATUS_LABELS[status]?.[lang()] ?? status,
    reasonLabel: (code: ReturnReasonCode) => findReturnReason(code)?.label[lang()] ?? code,
    /** The second-level reason ("too small"); the raw code if the taxonomy has since changed. */
    reasonDetailLabel: (code: ReturnReasonCode, detail: string) =>
      findReturnReason(code)?.details.find((d) => d.code === detail)?.label[lang()] ?? detail,
    conditionLabel: (condition: ItemCondition) => CONDITION_LABELS[condition]?.[lang()] ?? condition,
    /** The return parcel's tracking status (a pickup travels like any parcel). */
    shipmentStatusLabel: (status: string) => (isTrackingStatus(status) ? STATUS_LABELS[status][lang()] : status),
  };
}

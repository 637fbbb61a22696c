import { useI18n } from 'vue-i18n';
import { findDeliveryReason } from '../../shared/courier/delivery-reasons';
import { FEEDBACK_CATEGORY_LABELS, isFeedbackCategory } from '../../shared/feedback/feedback-categories';
import { findReturnReason } from '../../shared/returns/return-reasons';
import { STATUS_LABELS, isTrackingStatus } from '../../shared/tracking/statuses';
import { ORDER_STEP_LABELS, isOrderStep } from '../../shared/analytics/order-path';
import type { AppLocale } from '../locales/app-locale';
import { useStatusText } from './useStatusText';

/**
 * The console's codes in words, from the shared taxonomies the server names them by: delivery
 * reasons (or the Exception_00n sub-status when a carrier gave none), return reasons, feedback
 * categories, statuses. An unknown code shows as itself rather than as nothing.
 */
export function useOpsLabels() {
  const { locale } = useI18n();
  const lang = () => locale.value as AppLocale;
  // Through useStatusText, not findSubStatus itself: each name the ops face imports from the
  // customer's core chunk is one more export in the customer's first load.
  const { subStatusLabel } = useStatusText();
  return {
    deliveryReasonLabel: (code: string | null) => {
      if (!code) return '—';
      if (/^Exception_\d{3}$/.test(code)) return subStatusLabel(code, 'Exception');
      return findDeliveryReason(code)?.label[lang()] ?? code;
    },
    returnReasonLabel: (code: string) => findReturnReason(code)?.label[lang()] ?? code,
    feedbackCategoryLabel: (code: string) => (isFeedbackCategory(code) ? FEEDBACK_CATEGORY_LABELS[code][lang()] : code),
    /** A node of the process map: a tracking status, or one of the order's steps before the parcel. */
    trackingStatusLabel: (status: string) => (isTrackingStatus(status) ? STATUS_LABELS[status][lang()] : isOrderStep(status) ? ORDER_STEP_LABELS[status][lang()] : status),
  };
}

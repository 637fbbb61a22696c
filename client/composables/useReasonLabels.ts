import { shallowRef, watchEffect, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { PublicTrackingEvent } from '../../shared/api/tracking-view';
import type { DeliveryReason } from '../../shared/courier/delivery-reasons';
import type { AppLocale } from '../locales/app-locale';

/**
 * Why a delivery failed or a parcel has a problem ("电话无人接听"), in words. The reason
 * taxonomy is fetched only when a parcel's timeline has a reason, so most customers never
 * download it and the first page stays inside its budget.
 */
export function useReasonLabels(events: Ref<readonly Pick<PublicTrackingEvent, 'reasonCode'>[]>) {
  const { locale } = useI18n();
  const find = shallowRef<((code: string) => DeliveryReason | undefined) | null>(null);
  watchEffect(() => {
    if (find.value || !events.value.some((e) => e.reasonCode)) return;
    void import('../../shared/courier/delivery-reasons').then((m) => {
      find.value = m.findDeliveryReason;
    });
  });
  return (code: string | null): string | null => {
    if (!code || !find.value) return null;
    return find.value(code)?.label[locale.value as AppLocale] ?? null;
  };
}

import type { CourierReport } from '../../../shared/courier/courier-report';
import { findDeliveryReason } from '../../../shared/courier/delivery-reasons';
import type { ManifestStop } from '../../../shared/courier/manifest';
import type { AppLocale } from '../../locales/app-locale';

/** A waiting report in words: who the stop is for, and a message key with its values for what was reported. */
export interface OutboxEntryWords {
  /** As the courier sees it on the stop; null when the stop has left the manifest on this phone. */
  recipient: string | null;
  key: string;
  params: Record<string, string>;
  note: string | null;
}

/**
 * Says what a queued report reported, so a courier with no signal can tell their waiting reports
 * apart ("delivered to 门卫王师傅", "failed: 电话无人接听") without opening each stop. Pure: the
 * stop comes from the manifest kept on the phone, the reason's words from the shared taxonomy.
 */
export function outboxEntryWords(report: CourierReport, stop: ManifestStop | undefined, locale: AppLocale): OutboxEntryWords {
  const words = (key: string, params: Record<string, string> = {}): OutboxEntryWords => ({
    recipient: stop?.recipient.name ?? null,
    key: `courier.outbox.report.${key}`,
    params,
    note: report.note?.trim() || null,
  });
  const reason = report.reasonCode ? (findDeliveryReason(report.reasonCode)?.label[locale] ?? report.reasonCode) : null;
  const pickup = stop?.kind === 'pickup' ? stop.pickup : null;

  switch (report.kind) {
    case 'delivered': {
      const receiver = report.recipientName?.trim();
      return receiver ? words('delivered_to', { receiver }) : words('delivered');
    }
    case 'picked_up':
      return pickup ? words('collected_return', { return_no: pickup.returnNo }) : words('picked_up');
    case 'out_for_delivery':
      return words('out_for_delivery');
    case 'at_pickup_point':
      // The place, not the code: the outbox is what a courier shows around, the code is the customer's.
      return words(`at_pickup_point_${report.pickupPoint?.type ?? 'locker'}`, { place: report.pickupPoint?.name ?? '' });
    case 'failed_attempt':
      if (pickup) return reason ? words('pickup_failed_because', { reason }) : words('pickup_failed');
      return reason ? words('failed_because', { reason }) : words('failed');
    case 'exception':
      return reason ? words('exception_because', { reason }) : words('exception');
  }
}

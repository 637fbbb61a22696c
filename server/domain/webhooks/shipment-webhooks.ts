import type { WebhookEvent } from './webhook-outbox';

export interface ShipmentMove {
  trackingNo: string;
  from: { status: string; subStatus: string };
  to: { status: string; subStatus: string };
  reasonCode: string | null;
  occurredAt: number;
}

/**
 * The webhooks a parcel's move tells of: status_changed for any change of status or
 * sub-status, and exception too when it has just become Exception. Pure, so both paths that
 * move parcels (one event, a courier's batch) tell the same.
 */
export function shipmentWebhookEvents(m: ShipmentMove): WebhookEvent[] {
  if (m.from.status === m.to.status && m.from.subStatus === m.to.subStatus) return [];
  const events: WebhookEvent[] = [
    { type: 'shipment.status_changed', data: { trackingNo: m.trackingNo, from: m.from.status, to: m.to.status, subStatus: m.to.subStatus, occurredAt: m.occurredAt } },
  ];
  if (m.to.status === 'Exception' && m.from.status !== 'Exception') {
    events.push({ type: 'shipment.exception', data: { trackingNo: m.trackingNo, subStatus: m.to.subStatus, reasonCode: m.reasonCode, occurredAt: m.occurredAt } });
  }
  return events;
}

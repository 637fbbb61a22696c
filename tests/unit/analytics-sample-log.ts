import type { KpiLog, LogShipment } from '../../shared/analytics/event-log';

/**
 * A hand-made event log in the shop's zone (Asia/Shanghai), small enough to reason about:
 * A early and first time, B late after a failed attempt, C damaged then sent on, D created
 * before the range but delivered in it, E still on its way with an exception after the range.
 * Used by the unit tables and, written into a database, by the API test that checks SQL agrees.
 */
export const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const H = 3_600_000;

let nextEventId = 1;
const ev = (status: string, subStatus: string, local: string, reasonCode: string | null = null) => ({
  id: nextEventId++,
  status,
  subStatus,
  occurredAt: at(local),
  reasonCode,
});

const shipment = (id: number, s: Omit<LogShipment, 'id' | 'leg' | 'courierId' | 'destinationCity'> & Partial<LogShipment>): LogShipment => ({
  id,
  leg: 'delivery',
  courierId: 1,
  destinationCity: '上海市',
  ...s,
});

export const SAMPLE_SHIPMENTS: LogShipment[] = [
  shipment(1, {
    createdAt: at('2026-11-10 09:00'),
    promisedBy: at('2026-11-12 23:59'),
    deliveredAt: at('2026-11-11 10:00'),
    events: [ev('InfoReceived', 'InfoReceived_001', '2026-11-10 09:00'), ev('InTransit', 'InTransit_002', '2026-11-10 12:00'), ev('OutForDelivery', 'OutForDelivery_001', '2026-11-11 08:00'), ev('Delivered', 'Delivered_001', '2026-11-11 10:00')],
  }),
  shipment(2, {
    createdAt: at('2026-11-10 10:00'),
    promisedBy: at('2026-11-11 23:59'),
    deliveredAt: at('2026-11-12 12:00'),
    courierId: 2,
    destinationCity: '杭州市',
    events: [
      ev('InTransit', 'InTransit_002', '2026-11-10 14:00'),
      ev('OutForDelivery', 'OutForDelivery_001', '2026-11-11 09:00'),
      ev('AttemptFail', 'AttemptFail_001', '2026-11-11 11:00', 'recipient_unavailable'),
      ev('OutForDelivery', 'OutForDelivery_001', '2026-11-12 09:00'),
      ev('Delivered', 'Delivered_002', '2026-11-12 12:00'),
    ],
  }),
  shipment(3, {
    createdAt: at('2026-11-11 08:00'),
    promisedBy: null,
    deliveredAt: at('2026-11-12 11:00'),
    events: [
      ev('InTransit', 'InTransit_002', '2026-11-11 10:00'),
      ev('Exception', 'Exception_005', '2026-11-11 20:00', 'parcel_damaged'),
      ev('InTransit', 'InTransit_005', '2026-11-12 08:00'),
      ev('OutForDelivery', 'OutForDelivery_001', '2026-11-12 10:00'),
      ev('Delivered', 'Delivered_001', '2026-11-12 11:00'),
    ],
  }),
  shipment(4, {
    createdAt: at('2026-11-09 09:00'),
    promisedBy: at('2026-11-12 23:59'),
    deliveredAt: at('2026-11-10 10:00'),
    events: [ev('InTransit', 'InTransit_002', '2026-11-09 10:00'), ev('OutForDelivery', 'OutForDelivery_001', '2026-11-10 08:00'), ev('Delivered', 'Delivered_001', '2026-11-10 10:00')],
  }),
  shipment(5, {
    createdAt: at('2026-11-12 17:00'),
    promisedBy: at('2026-11-14 23:59'),
    deliveredAt: null,
    courierId: 2,
    events: [ev('InTransit', 'InTransit_002', '2026-11-12 18:00'), ev('Exception', 'Exception_002', '2026-11-13 08:00')],
  }),
  // A return pickup's own leg: never a shipment of the report.
  shipment(6, { leg: 'return', createdAt: at('2026-11-11 12:00'), promisedBy: null, deliveredAt: at('2026-11-12 09:00'), events: [ev('InTransit', 'InTransit_002', '2026-11-11 13:00'), ev('Exception', 'Exception_005', '2026-11-11 14:00', 'parcel_damaged'), ev('Delivered', 'Delivered_001', '2026-11-12 09:00')] }),
];

export const SAMPLE_LOG: KpiLog = {
  orders: [{ createdAt: at('2026-11-09 08:00') }, { createdAt: at('2026-11-10 08:00') }, { createdAt: at('2026-11-10 09:30') }, { createdAt: at('2026-11-11 07:00') }, { createdAt: at('2026-11-12 16:00') }],
  shipments: SAMPLE_SHIPMENTS,
  returns: [
    { createdAt: at('2026-11-12 13:00'), reasonCode: 'quality_issue' },
    { createdAt: at('2026-11-12 14:00'), reasonCode: 'quality_issue' },
    { createdAt: at('2026-11-11 15:00'), reasonCode: 'changed_mind' },
    { createdAt: at('2026-11-13 15:00'), reasonCode: 'changed_mind' },
  ],
  refunds: [
    { status: 'succeeded', amountFen: 12_900, completedAt: at('2026-11-12 15:00') },
    { status: 'pending', amountFen: 5_000, completedAt: null },
    { status: 'succeeded', amountFen: 999, completedAt: at('2026-11-10 00:30') },
  ],
  feedback: [
    { createdAt: at('2026-11-11 12:00'), csat: 5, nps: 10 },
    { createdAt: at('2026-11-12 13:00'), csat: 2, nps: 3 },
    { createdAt: at('2026-11-12 14:00'), csat: 4, nps: null },
    { createdAt: at('2026-11-12 23:30'), csat: 3, nps: 8 },
  ],
  feedbackCategories: [
    { createdAt: at('2026-11-11 12:00'), category: 'praise' },
    { createdAt: at('2026-11-12 13:00'), category: 'delivery_late' },
    { createdAt: at('2026-11-12 13:00'), category: 'failed_attempt' },
    { createdAt: at('2026-11-12 23:30'), category: 'delivery_late' },
  ],
};

export { H };

import type { Migration } from 'kysely';
import * as initial from './2026-11-25-01-initial';
import * as courierReports from './2026-11-25-02-courier-reports';
import * as returns from './2026-11-25-03-returns';
import * as returnEventFacts from './2026-12-01-04-return-event-facts';
import * as feedback from './2026-12-01-05-feedback';
import * as analytics from './2026-12-01-06-analytics';
import * as opsDesk from './2026-12-01-07-ops-desk';
import * as eventDeviceTime from './2026-12-04-08-event-device-time';
import * as attemptTurns from './2026-12-04-09-attempt-turns';
import * as uploadClientKeys from './2026-12-04-12-upload-client-keys';
import * as eventSignature from './2026-12-04-20-event-signature';
import * as refundArrivalDays from './2026-12-05-51-refund-arrival-days';
import * as pickupPoints from './2026-12-05-61-pickup-points';
import * as courierAreas from './2026-12-05-70-courier-areas';
import * as attemptChoice from './2026-12-05-80-attempt-choice';
import * as ordersAndStock from './2026-12-05-90-orders-and-stock';
import * as fulfilment from './2026-12-05-91-fulfilment';
import * as carrierEvents from './2026-12-05-92-carrier-events';
import * as webhooks from './2026-12-05-93-webhooks';
import * as replenishment from './2026-12-05-94-replenishment';
import * as orderRollups from './2026-12-05-95-order-rollups';
import * as feedbackCorrections from './2026-12-06-96-feedback-corrections';
import * as feedbackModels from './2026-12-06-97-feedback-models';
import * as feedbackList from './2026-12-06-98-feedback-list';

/**
 * Every migration, by name. Listed by hand rather than read from the folder so the server
 * runs the same from source, from a bundle, and under test. Names sort by date.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25-01-initial': initial,
  '2026-11-25-02-courier-reports': courierReports,
  '2026-11-25-03-returns': returns,
  '2026-12-01-04-return-event-facts': returnEventFacts,
  '2026-12-01-05-feedback': feedback,
  '2026-12-01-06-analytics': analytics,
  '2026-12-01-07-ops-desk': opsDesk,
  '2026-12-04-08-event-device-time': eventDeviceTime,
  '2026-12-04-09-attempt-turns': attemptTurns,
  '2026-12-04-12-upload-client-keys': uploadClientKeys,
  '2026-12-04-20-event-signature': eventSignature,
  '2026-12-05-51-refund-arrival-days': refundArrivalDays,
  '2026-12-05-61-pickup-points': pickupPoints,
  '2026-12-05-70-courier-areas': courierAreas,
  '2026-12-05-80-attempt-choice': attemptChoice,
  '2026-12-05-90-orders-and-stock': ordersAndStock,
  '2026-12-05-91-fulfilment': fulfilment,
  '2026-12-05-92-carrier-events': carrierEvents,
  '2026-12-05-93-webhooks': webhooks,
  '2026-12-05-94-replenishment': replenishment,
  '2026-12-05-95-order-rollups': orderRollups,
  '2026-12-06-96-feedback-corrections': feedbackCorrections,
  '2026-12-06-97-feedback-models': feedbackModels,
  '2026-12-06-98-feedback-list': feedbackList,
};

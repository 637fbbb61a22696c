import type { ExceptionAction } from '../../../shared/api/ops-desk';
import type { NextAction } from '../../../shared/courier/delivery-reasons';
import type { TrackingStatus } from '../../../shared/tracking/statuses';

/**
 * What each desk action writes to the tracking log. Every one is an ordinary event through the
 * shared state machine, so the process map, the customer's timeline and the KPIs see it:
 * - re-attempt: Exception → InTransit_008, back at the station for tomorrow's round (the courier
 *   takes it out again with an ordinary out-for-delivery scan);
 * - contact the customer: Exception → Exception_010. The parcel's problem is not solved, so it
 *   stays an exception (the machine lets Exception follow itself for progress like this); the
 *   new sub-status tells the customer the shop has taken it up, and the desk when it did;
 * - return to sender: Exception → InTransit_007, on its way back to the shop. It leaves the
 *   courier's round: nobody is to deliver it to the customer any more.
 */
export interface ExceptionActionEvent {
  status: TrackingStatus;
  subStatus: string;
  /** Where the event happens in public: the destination's station, or nowhere (a phone call). */
  place: 'destination' | 'none';
  /** Takes the parcel off its courier's manifest. */
  releasesCourier: boolean;
}

export const EXCEPTION_ACTION_EVENTS: Record<ExceptionAction, ExceptionActionEvent> = {
  reattempt_tomorrow: { status: 'InTransit', subStatus: 'InTransit_008', place: 'destination', releasesCourier: false },
  contact_customer: { status: 'Exception', subStatus: 'Exception_010', place: 'none', releasesCourier: false },
  return_to_sender: { status: 'InTransit', subStatus: 'InTransit_007', place: 'destination', releasesCourier: true },
};

/** The sub-status that records staff contacting the customer (the desk shows when it happened). */
export const CUSTOMER_CONTACTED_SUB_STATUS = EXCEPTION_ACTION_EVENTS.contact_customer.subStatus;

/**
 * The desk action that carries out what a reason's taxonomy says comes next. A hold (weather,
 * customs) or a case for review (damage, a wrong address) needs a person to talk to the
 * customer first; so does an exception nobody gave a reason for.
 */
export function suggestedAction(nextAction: NextAction | null): ExceptionAction {
  switch (nextAction) {
    case 'reattempt':
      return 'reattempt_tomorrow';
    case 'return_to_sender':
      return 'return_to_sender';
    default:
      return 'contact_customer';
  }
}

import type { TrackingStatus } from '../../shared/tracking/statuses';
import {
  ADDRESS_INCOMPLETE,
  FAILED_ATTEMPTS,
  LOST,
  OPEN_TRANSIT_EXCEPTIONS,
  REFUSED,
  RETURN_TO_SENDER,
  TRANSIT_DELAYS,
} from './demo-incidents';
import type { Journey } from './demo-journey';

/**
 * One story per status a parcel can be left in: each writes a legal path through the shipment
 * state machine that ends in that status, with the detours real parcels take (a failed
 * attempt and a second round, a locker, weather at a hub, a refusal at the door).
 */

/** A hub leg index where trouble can strike: any scan after pickup but before the station. */
function someHubLeg(j: Journey): number {
  return j.random.int(0, Math.max(0, j.context.route.legs.length - 2));
}

function inTransit(j: Journey): void {
  const r = j.random.next();
  if (r < 0.82) {
    const legs = j.context.route.legs.length;
    j.created().shippedBySeller().pickedUp();
    if (j.random.chance(0.85)) j.travel(0, j.random.int(0, legs - 1));
  } else if (r < 0.92) {
    // Held up by the weather, now moving again.
    const leg = someHubLeg(j);
    j.created().shippedBySeller().pickedUp().travel(0, leg);
    j.wait(1, 6).recordIncident('Exception', TRANSIT_DELAYS.pick(j.random), j.context.route.legs[leg]!.city);
    j.wait(8, 30).record('InTransit', 'InTransit_001', j.context.route.legs[leg]!.city);
  } else {
    // Refused at the door and on its way back to the shop.
    j.toStation().outForDelivery().wait(0.5, 5).recordIncident('Exception', REFUSED, j.destination, 'courier');
    j.wait(2, 12).record('InTransit', 'InTransit_007', j.destination);
  }
}

function outForDelivery(j: Journey): void {
  j.toStation().outForDelivery();
  if (j.random.chance(0.2)) j.failedAttempt(FAILED_ATTEMPTS.pick(j.random)).tryAgainTomorrow();
  else if (j.random.chance(0.3)) j.calledRecipient();
}

function attemptFail(j: Journey): void {
  j.toStation().outForDelivery();
  if (j.random.chance(0.15)) j.failedAttempt(FAILED_ATTEMPTS.pick(j.random)).tryAgainTomorrow();
  j.failedAttempt(FAILED_ATTEMPTS.pick(j.random));
}

function delivered(j: Journey): void {
  const r = j.random.next();
  if (r < 0.08) {
    // Weather or a backlog at a hub: a day or so lost, then back on track.
    const leg = someHubLeg(j);
    const hub = j.context.route.legs[leg]!.city;
    j.created().shippedBySeller().pickedUp().travel(0, leg);
    j.wait(0.5, 4).recordIncident('Exception', TRANSIT_DELAYS.pick(j.random), hub);
    j.wait(6, 36).record('InTransit', 'InTransit_001', hub).travel(leg + 1);
  } else {
    j.toStation();
  }
  if (r >= 0.08 && r < 0.11) {
    // The station can't place the address; the courier calls and takes it out.
    j.wait(0.5, 3).recordIncident('Exception', ADDRESS_INCOMPLETE, j.destination);
    j.wait(2, 20).during(8, 19).record('OutForDelivery', 'OutForDelivery_002', j.destination);
    j.delivered();
    return;
  }
  if (r >= 0.11 && r < 0.15) {
    j.readyForPickup(false).collected(false);
    return;
  }
  j.outForDelivery();
  if (r >= 0.15 && r < 0.2) {
    j.readyForPickup(true).collected(true);
    return;
  }
  if (r >= 0.2 && r < 0.32) {
    j.failedAttempt(FAILED_ATTEMPTS.pick(j.random));
    // Most go out again next day; some recipients turn up while the courier is still close.
    if (j.random.chance(0.9)) j.tryAgainTomorrow();
  } else if (j.random.chance(0.2)) {
    j.calledRecipient();
  }
  j.delivered();
}

function availableForPickup(j: Journey): void {
  if (j.random.chance(0.6)) j.toStation().outForDelivery().readyForPickup(true);
  else j.toStation().readyForPickup(false);
}

function exception(j: Journey): void {
  const r = j.random.next();
  const legs = j.context.route.legs;
  if (r < 0.35) {
    const leg = someHubLeg(j);
    j.created().shippedBySeller().pickedUp().travel(0, leg);
    j.wait(0.5, 6).recordIncident('Exception', OPEN_TRANSIT_EXCEPTIONS.pick(j.random), legs[leg]!.city);
  } else if (r < 0.47) {
    // The trail goes cold at a hub; days later the carrier declares it lost.
    const leg = someHubLeg(j);
    j.created().shippedBySeller().pickedUp().travel(0, leg);
    j.wait(72, 120).during(9, 18).recordIncident('Exception', LOST, legs[leg]!.city);
  } else if (r < 0.72) {
    j.toStation().wait(0.5, 3).recordIncident('Exception', ADDRESS_INCOMPLETE, j.destination);
  } else {
    j.toStation().outForDelivery().wait(0.5, 5).recordIncident('Exception', REFUSED, j.destination, 'courier');
    if (j.random.chance(0.3)) j.wait(2, 12).recordIncident('Exception', RETURN_TO_SENDER, j.destination);
  }
}

function expired(j: Journey): void {
  const r = j.random.next();
  const note = '长时间无物流更新';
  if (r < 0.45) {
    // Paid for, never shipped: the seller's side went quiet.
    j.created().wait(20, 40).record('Pending', 'Pending_002', j.origin);
    j.wait(7 * 24, 8 * 24).record('Expired', 'Expired_001', null, { note });
  } else if (r < 0.75) {
    j.created().shippedBySeller().pickedUp().travel(0, someHubLeg(j));
    j.wait(10 * 24, 12 * 24).record('Expired', 'Expired_001', null, { note });
  } else {
    // Never collected from the locker.
    j.toStation().outForDelivery().readyForPickup(true);
    j.wait(7 * 24, 7.5 * 24).record('Expired', 'Expired_001', null, { note: '超时未取件，退回寄件人' });
  }
}

export const SCENARIOS: Record<TrackingStatus, (j: Journey) => void> = {
  Pending: (j) => void j.created(),
  InfoReceived: (j) => void j.created().shippedBySeller(),
  InTransit: inTransit,
  OutForDelivery: outForDelivery,
  AttemptFail: attemptFail,
  Delivered: delivered,
  AvailableForPickup: availableForPickup,
  Exception: exception,
  Expired: expired,
};

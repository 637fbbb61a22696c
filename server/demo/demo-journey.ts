import type { PickupPointReport } from '../../shared/courier/pickup-point';
import type { TrackingStatus } from '../../shared/tracking/statuses';
import type { StreetAddress } from './demo-addresses';
import { HOUR, MINUTE, nextWorkingTime } from './demo-clock';
import type { Incident } from './demo-incidents';
import type { DemoActorType, DemoTrackingEvent } from './demo-model';
import { STAND_IN_SIGNERS } from './demo-people';
import { demoPickupPoint } from './demo-pickup-points';
import type { DemoCity } from './demo-places';
import type { DemoRoute } from './demo-route';
import type { Random } from './random';

/**
 * Writes one parcel's event log forward in time, one step per method. Each step waits a
 * plausible while (hours between hub scans, couriers only in the daytime) and then records
 * an event; the scenarios in demo-scenarios.ts string the steps together.
 */
export interface JourneyContext {
  route: DemoRoute;
  courierNo: number;
  recipientName: string;
  /** The recipient's district and street: lockers and stations are near it. */
  home: StreetAddress;
}

interface EventDetails {
  actorType?: DemoActorType;
  reasonCode?: string | null;
  note?: string | null;
  recipientName?: string | null;
  pickupPoint?: PickupPointReport | null;
}

const DEFAULT_ACTOR: Record<TrackingStatus, DemoActorType> = {
  Pending: 'system',
  InfoReceived: 'system',
  InTransit: 'carrier',
  OutForDelivery: 'courier',
  AttemptFail: 'courier',
  Delivered: 'courier',
  AvailableForPickup: 'courier',
  Exception: 'carrier',
  Expired: 'system',
};

export class Journey {
  readonly events: DemoTrackingEvent[] = [];

  constructor(
    readonly random: Random,
    readonly context: JourneyContext,
    /** The clock of the journey: when the last thing happened (epoch ms). */
    public at: number,
  ) {}

  get origin(): DemoCity {
    return this.context.route.origin;
  }

  get destination(): DemoCity {
    return this.context.route.destination;
  }

  wait(minHours: number, maxHours: number): this {
    this.at += Math.round(this.random.between(minHours, maxHours) * HOUR);
    return this;
  }

  /** Moves the clock into the local window [fromHour, toHour) if it's outside it. */
  during(fromHour: number, toHour: number): this {
    this.at = nextWorkingTime(this.at, fromHour, toHour, this.random);
    return this;
  }

  record(status: TrackingStatus, subStatus: string, place: DemoCity | null, details: EventDetails = {}): this {
    const actorType = details.actorType ?? DEFAULT_ACTOR[status];
    this.events.push({
      status,
      subStatus,
      occurredAt: this.at,
      recordedAt: this.at + this.reportingLag(actorType),
      province: place?.province ?? null,
      city: place?.city ?? null,
      reasonCode: details.reasonCode ?? null,
      actorType,
      courierNo: actorType === 'courier' ? this.context.courierNo : null,
      note: details.note ?? null,
      recipientName: details.recipientName ?? null,
      pickupPoint: details.pickupPoint ?? null,
    });
    return this;
  }

  recordIncident(status: 'AttemptFail' | 'Exception', incident: Incident, place: DemoCity | null, actorType?: DemoActorType): this {
    return this.record(status, incident.subStatus, place, {
      reasonCode: incident.reasonCode,
      note: this.random.chance(0.7) ? this.random.pick(incident.notes) : null,
      ...(actorType ? { actorType } : {}),
    });
  }

  /** Server time minus device time: scanners are online; couriers are sometimes in a lift. */
  private reportingLag(actorType: DemoActorType): number {
    if (actorType === 'system') return Math.round(this.random.between(0, 5_000));
    if (actorType === 'carrier') return Math.round(this.random.between(10_000, 180_000));
    const r = this.random.next();
    if (r < 0.7) return Math.round(this.random.between(2_000, 60_000));
    if (r < 0.95) return Math.round(this.random.between(1, 10) * MINUTE);
    return Math.round(this.random.between(10, 120) * MINUTE);
  }

  // ——— the common steps ———

  created(): this {
    return this.record('Pending', 'Pending_001', this.origin);
  }

  shippedBySeller(): this {
    this.wait(0.3, 5);
    // Now and then a seller takes a day or two to pack: the usual cause of a late parcel.
    if (this.random.chance(0.06)) this.wait(24, 48);
    return this.during(8, 22).record('InfoReceived', 'InfoReceived_001', this.origin);
  }

  pickedUp(): this {
    return this.wait(1, 6).during(9, 21).record('InTransit', 'InTransit_002', this.origin);
  }

  /** Hub scans after pickup, up to and including leg number `untilLeg` (default: all). */
  travel(fromLeg = 0, untilLeg = this.context.route.legs.length - 1): this {
    const legs = this.context.route.legs;
    for (let i = fromLeg; i <= untilLeg && i < legs.length; i++) {
      const leg = legs[i]!;
      this.wait(leg.hours * 0.8, leg.hours * 1.35 + 0.5).record('InTransit', leg.subStatus, leg.city);
    }
    return this;
  }

  /** Everything from order to the delivery station, in one go. */
  toStation(): this {
    return this.created().shippedBySeller().pickedUp().travel();
  }

  outForDelivery(subStatus = 'OutForDelivery_001'): this {
    return this.wait(0.5, 2).during(7.5, 10.5).record('OutForDelivery', subStatus, this.destination);
  }

  calledRecipient(): this {
    return this.wait(0.2, 2.5).record('OutForDelivery', 'OutForDelivery_002', this.destination);
  }

  failedAttempt(incident: Incident): this {
    return this.wait(0.5, 6).during(9, 21).recordIncident('AttemptFail', incident, this.destination);
  }

  /** After a failed attempt: back to the station tonight, out again tomorrow by appointment. */
  tryAgainTomorrow(): this {
    if (this.random.chance(0.4)) {
      this.wait(1, 4).record('InTransit', 'InTransit_006', this.destination, { actorType: 'courier' });
    }
    return this.wait(10, 16).during(7.5, 10.5).record('OutForDelivery', 'OutForDelivery_003', this.destination);
  }

  delivered(): this {
    this.wait(0.4, 7).during(8.5, 21);
    const r = this.random.next();
    if (r < 0.55) return this.record('Delivered', 'Delivered_002', this.destination, { recipientName: '本人' });
    if (r < 0.75) {
      const signer = this.random.pick(STAND_IN_SIGNERS);
      return this.record('Delivered', 'Delivered_003', this.destination, { recipientName: signer });
    }
    if (r < 0.87) {
      return this.record('Delivered', 'Delivered_004', this.destination, { note: '已按收件人要求放在门口' });
    }
    return this.record('Delivered', 'Delivered_001', this.destination);
  }

  /** The courier puts it in a parcel locker, or the station keeps it for collection. */
  readyForPickup(viaCourier: boolean): this {
    if (viaCourier) {
      this.wait(0.5, 4);
      return this.record('AvailableForPickup', 'AvailableForPickup_002', this.destination, {
        note: '已放入快递柜，取件码已短信发送',
        pickupPoint: demoPickupPoint('locker', this.context.home, this.at),
      });
    }
    this.wait(0.5, 3).during(8, 21);
    return this.record('AvailableForPickup', 'AvailableForPickup_001', this.destination, {
      actorType: 'carrier',
      note: '已到驿站，请凭取件码取件',
      pickupPoint: demoPickupPoint('station', this.context.home, this.at),
    });
  }

  collected(fromLocker: boolean): this {
    return this.wait(1, 30)
      .during(7, 23)
      .record('Delivered', 'Delivered_001', this.destination, {
        actorType: 'carrier',
        recipientName: fromLocker ? '快递柜' : '本人',
      });
  }
}

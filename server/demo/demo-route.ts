import { DEMO_COURIERS } from './demo-accounts';
import { DEMO_CITY_NAMES, demoCity, distanceKm, type DemoCity } from './demo-places';

/**
 * The way a parcel travels: warehouse city → its regional hub → the destination's regional
 * hub (when that is another one) → the destination city's sorting centre (when the city is
 * not a hub itself) → the delivery station. Hours are
 * the typical haul; the journey adds the jitter and the waiting for working hours.
 */
export interface RouteLeg {
  subStatus: 'InTransit_003' | 'InTransit_004' | 'InTransit_005';
  city: DemoCity;
  /** Typical hours from the previous scan to this one. */
  hours: number;
}

export interface DemoRoute {
  origin: DemoCity;
  destination: DemoCity;
  /** Scans after pickup, in order; the last is the arrival at the delivery station. */
  legs: RouteLeg[];
  /** Whole days after the day of shipment creation that delivery is promised for. */
  promisedDays: number;
}

/** Road haul at truck speed; long trunk routes go by air or rail express, so they cap out. */
function haulHours(km: number): number {
  if (km < 1) return 1.5;
  return km < 1200 ? 1 + km / 65 : 19 + (km - 1200) / 250;
}

export function planRoute(originName: string, destinationName: string): DemoRoute {
  const origin = demoCity(originName);
  const destination = demoCity(destinationName);
  const originHub = demoCity(origin.hub);
  const destinationHub = demoCity(destination.hub);
  const legs: RouteLeg[] = [
    { subStatus: 'InTransit_003', city: originHub, hours: haulHours(distanceKm(origin, originHub)) },
    { subStatus: 'InTransit_004', city: originHub, hours: 2 },
  ];
  if (destinationHub !== originHub) {
    legs.push(
      { subStatus: 'InTransit_003', city: destinationHub, hours: haulHours(distanceKm(originHub, destinationHub)) },
      { subStatus: 'InTransit_004', city: destinationHub, hours: 2 },
    );
  }
  if (destination !== destinationHub) {
    // Through the destination city's own sorting centre, then out to the local station.
    legs.push(
      { subStatus: 'InTransit_003', city: destination, hours: haulHours(distanceKm(destinationHub, destination)) },
      { subStatus: 'InTransit_004', city: destination, hours: 1.5 },
      { subStatus: 'InTransit_005', city: destination, hours: 1.5 },
    );
  } else {
    legs.push({ subStatus: 'InTransit_005', city: destination, hours: 2.5 });
  }
  const km = distanceKm(origin, destination);
  const promisedDays = km < 300 ? 2 : km < 1200 ? 3 : 4;
  return { origin, destination, legs, promisedDays };
}

/**
 * Which demo couriers deliver in each city: the city's own, who serves all its districts (every
 * demo city has one). A relief courier serves only some and gets stops from the desk.
 */
const COURIERS_BY_CITY: ReadonlyMap<string, readonly number[]> = new Map(
  DEMO_CITY_NAMES.map((name) => [name, DEMO_COURIERS.flatMap((courier, i) => (courier.city === name && !courier.districts ? [i + 1] : []))]),
);

export function couriersFor(cityName: string): readonly number[] {
  const serving = COURIERS_BY_CITY.get(cityName) ?? [];
  if (serving.length === 0) throw new Error(`no demo courier serves ${cityName}`);
  return serving;
}

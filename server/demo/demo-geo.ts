import { centreOf, type GeoPoint } from '../../shared/geo/route-order';
import type { DemoCity } from './demo-places';

/**
 * Where a demo address is: its district's centre, moved by up to about 1.5 km each way by a
 * hash of the street, so the stops of one district are not all on one spot. A hash rather than
 * the generator's random streams: drawing from those would change every parcel after it.
 */
export function demoAddressPoint(city: DemoCity, district: string, street: string): GeoPoint {
  const centre = city.centres[district];
  if (!centre) throw new Error(`no centre for ${city.city} ${district}`);
  const hash = fnv1a(`${city.city}${district}${street}`);
  const unit = (bits: number) => (bits & 0xffff) / 0xffff - 0.5;
  // 0.027° of latitude is 3 km; a degree of longitude shrinks with the cosine of the latitude.
  const lat = centre[0] + unit(hash) * 0.027;
  const lng = centre[1] + (unit(hash >>> 16) * 0.027) / Math.cos((centre[0] * Math.PI) / 180);
  return { lat: round6(lat), lng: round6(lng) };
}

/** A city's delivery station, where its courier's round starts: the middle of its districts. */
export function demoDepot(city: DemoCity): GeoPoint {
  const middle = centreOf(Object.values(city.centres).map(([lat, lng]) => ({ lat, lng })))!;
  return { lat: round6(middle.lat), lng: round6(middle.lng) };
}

/** Six decimals is about 10 cm: what a geocoder gives, and what both databases keep exactly. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

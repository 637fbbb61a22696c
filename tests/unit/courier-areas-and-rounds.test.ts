import { describe, expect, it } from 'vitest';
import { DEMO_COURIERS } from '../../server/demo/demo-accounts';
import { demoAddressPoint, demoDepot } from '../../server/demo/demo-geo';
import { DEMO_CITIES, DEMO_CITY_NAMES, demoCity } from '../../server/demo/demo-places';
import { couriersFor } from '../../server/demo/demo-route';
import { planRound } from '../../server/domain/courier/courier-route';
import type { RoutableStop } from '../../server/domain/courier/courier-route-repository';
import { orderCandidates } from '../../server/domain/ops-desk/reassign-candidates';
import { haversineKm } from '../../shared/geo/route-order';

describe('demo places on the map', () => {
  it.each(DEMO_CITY_NAMES)('every district of %s has a centre near the city', (name) => {
    const city = demoCity(name);
    expect(Object.keys(city.centres).sort()).toEqual([...city.districts].sort());
    for (const [lat, lng] of Object.values(city.centres)) {
      // Districts reach out (滨海新区, 昌平区), but never 70 km from the city's own centre.
      expect(haversineKm({ lat, lng }, { lat: city.lat, lng: city.lon })).toBeLessThan(70);
    }
  });

  it('puts an address within 2.5 km of its district’s centre, the same place every time', () => {
    const city = DEMO_CITIES['深圳']!;
    const a = demoAddressPoint(city, '南山区', '科技南路88号阳光花园3栋2单元1502室');
    expect(demoAddressPoint(city, '南山区', '科技南路88号阳光花园3栋2单元1502室')).toEqual(a);
    const [lat, lng] = city.centres['南山区']!;
    expect(haversineKm(a, { lat, lng })).toBeLessThan(2.5);
    expect(demoAddressPoint(city, '南山区', '科技南路89号')).not.toEqual(a);
  });

  it('starts a city’s round at a depot inside the city', () => {
    const city = DEMO_CITIES['北京']!;
    expect(haversineKm(demoDepot(city), { lat: city.lat, lng: city.lon })).toBeLessThan(25);
  });
});

describe('demo couriers serve areas', () => {
  it.each(DEMO_CITY_NAMES)('%s has exactly one courier of its own, who gets its parcels', (name) => {
    const own = couriersFor(name);
    expect(own).toHaveLength(1);
    const courier = DEMO_COURIERS[own[0]! - 1]!;
    expect(courier.city).toBe(name);
    expect(courier.districts).toBeUndefined();
  });

  it('keeps the first six sign-ins as they were, and relief couriers to districts of their city', () => {
    expect(DEMO_COURIERS.slice(0, 6).map((c) => c.phone)).toEqual(['13826541907', '15921876403', '18611023458', '13758190266', '18980764315', '15927138820']);
    for (const c of DEMO_COURIERS.filter((x) => x.districts)) {
      for (const d of c.districts!) expect(demoCity(c.city).districts).toContain(d);
    }
    expect(new Set(DEMO_COURIERS.map((c) => c.phone)).size).toBe(DEMO_COURIERS.length);
  });
});

describe('a courier’s round', () => {
  const stop = (id: number, lng: number | null, pickupSlotStart: number | null = null): RoutableStop => ({
    shipmentId: id,
    routePosition: null,
    point: lng === null ? null : { lat: 22.54, lng },
    pickupSlotStart,
  });
  const TOMORROW = 2_000;
  const later = (slotStart: number) => slotStart >= TOMORROW;
  it.each([
    ['today’s stops by geography from the depot', [stop(1, 114.04), stop(2, 114.01), stop(3, 114.02)], [2, 3, 1]],
    ['a pickup booked for today is routed with them', [stop(1, 114.04), stop(2, 114.01, 1_000)], [2, 1]],
    ['pickups booked for later days come after, by slot', [stop(1, 114.04, TOMORROW + 5), stop(2, 114.01), stop(3, 114.0, TOMORROW + 1)], [2, 3, 1]],
    ['a stop with no place goes after the routed ones of today', [stop(1, null), stop(2, 114.03), stop(3, 114.01)], [3, 2, 1]],
  ] as const)('%s', (_name, stops, ids) => {
    expect(planRound(stops, { lat: 22.54, lng: 114.0 }, later).map((s) => s.shipmentId)).toEqual(ids);
  });
});

describe('who the desk may move a stop to', () => {
  const c = (id: number, name: string, servesArea: boolean, openStops: number) => ({ id, name, city: '深圳', servesArea, openStops });
  it.each([
    ['those serving the area first', [c(1, '张磊', false, 0), c(2, '孙浩然', true, 9)], [2, 1]],
    ['among them, the lighter round first', [c(1, '甲', true, 5), c(2, '乙', true, 2), c(3, '丙', false, 0)], [2, 1, 3]],
    ['then by name', [c(1, '王建军', false, 3), c(2, '李强', false, 3)], [2, 1]],
    ['nobody serving: all the others, lightest first', [c(1, '张磊', false, 4), c(2, '刘洋', false, 1)], [2, 1]],
  ] as const)('%s', (_name, couriers, ids) => {
    expect(orderCandidates(couriers).map((x) => x.id)).toEqual(ids);
  });
});

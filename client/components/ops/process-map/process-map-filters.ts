import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** The process map's own filters beside the date range, as the address bar holds them. */
export interface ProcessMapFilterValues {
  /** A courier's id, or '' for all. */
  courier: string;
  /** A destination city as stored (上海市), or '' for all. */
  city: string;
}

const first = (value: LocationQuery[string] | undefined): string => {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
};

/** Bad values are dropped, not sent: the server would refuse them and the page would show nothing. */
export function mapFiltersFromQuery(query: LocationQuery): ProcessMapFilterValues {
  const courier = first(query.courier);
  const city = first(query.city).trim();
  return {
    courier: /^[1-9]\d{0,9}$/.test(courier) && Number(courier) <= 2_147_483_647 ? courier : '',
    city: city.length <= 40 && !/[\u0000-\u001f<>]/.test(city) ? city : '',
  };
}

export function withMapFilters(query: LocationQuery, filters: ProcessMapFilterValues): LocationQueryRaw {
  const rest: LocationQueryRaw = { ...query };
  delete rest.courier;
  delete rest.city;
  if (filters.courier) rest.courier = filters.courier;
  if (filters.city) rest.city = filters.city;
  return rest;
}

/**
 * The destination city, as shipments store it, of a courier's service city: couriers are listed
 * by the short name (深圳) and addresses by the full one (深圳市), which the map filters on.
 * Names already ending in an administrative suffix stay as they are.
 */
export function destinationCityOf(courierCity: string): string {
  return /(市|州|地区|盟)$/.test(courierCity) ? courierCity : `${courierCity}市`;
}

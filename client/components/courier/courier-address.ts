import { formatChineseAddress, type ChineseAddress } from '../../../shared/addresses/address-format';

/** Map apps in China search best with the full Chinese form, the one every face shows. */
export function mapLinks(address: ChineseAddress): { geo: string; amap: string } {
  const query = formatChineseAddress(address);
  return {
    geo: `geo:0,0?q=${encodeURIComponent(query)}`,
    amap: `https://uri.amap.com/search?keyword=${encodeURIComponent(query)}`,
  };
}

/** 深圳 and 深圳市 are one city: the couriers' table and the addresses don't always agree on the suffix. */
const cityName = (city: string) => city.trim().replace(/市$/, '');

/**
 * The address as the day's list shows it. A courier works one city, so province and city say
 * nothing there (the city is kept for a stop outside it); district and street find the door.
 * The stop page has the full form.
 */
export function shortStopAddress(address: ChineseAddress, courierCity: string): string {
  const city = cityName(address.city) === cityName(courierCity) ? '' : address.city;
  return [city, address.district, address.street].map((part) => part.trim()).filter(Boolean).join('');
}

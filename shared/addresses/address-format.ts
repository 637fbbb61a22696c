/** A delivery address in China as the shop holds it (manifest stop, verified tracking view, returns desk). */
export interface ChineseAddress {
  province: string;
  city: string;
  district: string;
  street: string;
}

/**
 * The one way every face writes an address: province → city → district → street, run
 * together as on a waybill, whatever the screen's language. The parts are Chinese place names;
 * turned into Western street-first order they read as neither, and the courier, the customer
 * and a map app in China all look for the Chinese order. A municipality that is its own
 * province (上海市, 北京市…) is said once; blank parts are left out.
 */
export function formatChineseAddress(address: ChineseAddress): string {
  const { province, city, district, street } = address;
  const parts = [province, city === province ? '' : city, district, street];
  return parts.map((part) => part.trim()).filter(Boolean).join('');
}

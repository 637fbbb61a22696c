import type { ManifestStop } from '../../../shared/courier/manifest';

type Address = ManifestStop['address'];

/** Chinese addresses read from the province down with no separators; English from the street up. */
export function formatAddress(address: Address, locale: string): string {
  const { province, city, district, street } = address;
  if (locale.startsWith('zh')) return `${province}${city === province ? '' : city}${district}${street}`;
  return [street, district, city, province].filter((part, i, all) => part && all.indexOf(part) === i).join(', ');
}

/** Map apps in China search best with the full Chinese form, whatever the screen's language. */
export function mapLinks(address: Address): { geo: string; amap: string } {
  const query = formatAddress(address, 'zh-CN');
  return {
    geo: `geo:0,0?q=${encodeURIComponent(query)}`,
    amap: `https://uri.amap.com/search?keyword=${encodeURIComponent(query)}`,
  };
}

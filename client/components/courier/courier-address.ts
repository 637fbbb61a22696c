import { formatChineseAddress, type ChineseAddress } from '../../../shared/addresses/address-format';

/** Map apps in China search best with the full Chinese form, the one every face shows. */
export function mapLinks(address: ChineseAddress): { geo: string; amap: string } {
  const query = formatChineseAddress(address);
  return {
    geo: `geo:0,0?q=${encodeURIComponent(query)}`,
    amap: `https://uri.amap.com/search?keyword=${encodeURIComponent(query)}`,
  };
}

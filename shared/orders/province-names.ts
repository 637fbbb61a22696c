/**
 * Province names as customers and shops write them: "新疆维吾尔自治区", "新疆", "北京市" and
 * "北京" are the same place. Rules that look a province up in a list (remote-area shipping, the
 * provinces a warehouse serves) compare these keys, so a short form never slips past a list
 * written with full names (and earns free shipping to Xinjiang).
 */

// Longest first: "维吾尔自治区" must go before the bare "自治区" it ends with.
const SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

/** The short name of a province: trimmed, the administrative suffix taken off. */
export function provinceKey(name: string): string {
  const trimmed = name.trim();
  for (const suffix of SUFFIXES) {
    // Never strip down to nothing: a name that is only a suffix stays as written.
    if (trimmed.endsWith(suffix) && trimmed.length > suffix.length) return trimmed.slice(0, -suffix.length);
  }
  return trimmed;
}

export function sameProvince(a: string, b: string): boolean {
  return provinceKey(a) === provinceKey(b);
}

export function provinceIn(province: string, list: readonly string[]): boolean {
  const key = provinceKey(province);
  return list.some((entry) => provinceKey(entry) === key);
}

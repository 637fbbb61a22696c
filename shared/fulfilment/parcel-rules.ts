/** Packing's small rules: the label's sort code and the promise a new parcel makes. */

/** 大头笔: destination city and district, short (深圳市 南山区 → 深圳 南山), printed big for the sorters. */
export function sortCode(city: string, district: string): string {
  const short = (name: string, suffix: RegExp) => {
    const trimmed = name.trim();
    const cut = trimmed.replace(suffix, '');
    return cut.length >= 2 ? cut : trimmed;
  };
  return `${short(city, /市$/)} ${short(district, /(区|县|市)$/)}`.trim();
}

/** Days a parcel is promised in: the same province 2, elsewhere 3 (the demo's near/far rule, by province). */
export function promisedDays(origin: { province: string }, destination: { province: string }): number {
  return origin.province === destination.province ? 2 : 3;
}

/** The public tracking page of a parcel: the QR on its label. */
export function trackingUrl(publicUrl: string, trackingNo: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/t/${trackingNo}`;
}

import type { PublicPlace } from '../../../shared/api/tracking-view';

/** City-level name of a place. Municipalities (上海市, 北京市…) are their own province: say it once. */
export function placeName(place: PublicPlace): string | null {
  const { province, city } = place;
  if (!province || !city || province === city) return city ?? province;
  return `${province} ${city}`;
}

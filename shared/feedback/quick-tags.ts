import type { LocalizedText } from '../tracking/statuses';

/**
 * One-tap tags under the rating: the things customers most often say, so a phone user need
 * not type. A tag is a statement the classifier reads as evidence like a phrase would.
 */
export const QUICK_TAGS = [
  'fast_delivery',
  'friendly_courier',
  'well_packed',
  'arrived_late',
  'damaged',
  'wrong_or_missing',
  'rude_courier',
  'left_wrong_place',
] as const;
export type QuickTag = (typeof QUICK_TAGS)[number];

export const QUICK_TAG_LABELS: Record<QuickTag, LocalizedText> = {
  fast_delivery: { 'zh-CN': '送货快', en: 'Fast delivery' },
  friendly_courier: { 'zh-CN': '快递员热情', en: 'Friendly courier' },
  well_packed: { 'zh-CN': '包装完好', en: 'Well packed' },
  arrived_late: { 'zh-CN': '送晚了', en: 'Arrived late' },
  damaged: { 'zh-CN': '有破损', en: 'Something was damaged' },
  wrong_or_missing: { 'zh-CN': '错发或漏发', en: 'Wrong or missing item' },
  rude_courier: { 'zh-CN': '快递员态度差', en: 'Rude courier' },
  left_wrong_place: { 'zh-CN': '放错地方', en: 'Left in the wrong place' },
};

/** Tags that speak well of the delivery: they never make feedback a complaint. */
export const POSITIVE_QUICK_TAGS: readonly QuickTag[] = ['fast_delivery', 'friendly_courier', 'well_packed'];

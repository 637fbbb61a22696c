import type { LocalizedText } from '../tracking/statuses';

/**
 * What a piece of feedback is about: the taxonomy of the product document (section 2.3), one
 * code per kind of trouble, plus praise and other. Codes are stored in feedback_categories and
 * shown to staff only (the customer never sees how their words were filed).
 */
export const FEEDBACK_CATEGORIES = [
  'delivery_late',
  'failed_attempt',
  'not_received',
  'wrong_place',
  'courier_behaviour',
  'damaged_in_transit',
  'defective',
  'wrong_item',
  'missing_item',
  'not_as_described',
  'packaging',
  'tracking_not_updating',
  'refund_trouble',
  'praise',
  'other',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, LocalizedText> = {
  delivery_late: { 'zh-CN': '配送延误', en: 'Delivery late' },
  failed_attempt: { 'zh-CN': '派送未成功', en: 'Failed delivery attempt' },
  not_received: { 'zh-CN': '显示签收但未收到', en: 'Marked delivered, not received' },
  wrong_place: { 'zh-CN': '放错位置', en: 'Left in the wrong place' },
  courier_behaviour: { 'zh-CN': '快递员态度', en: 'Courier behaviour' },
  damaged_in_transit: { 'zh-CN': '运输破损', en: 'Damaged in transit' },
  defective: { 'zh-CN': '商品质量问题', en: 'Defective' },
  wrong_item: { 'zh-CN': '发错货', en: 'Wrong item' },
  missing_item: { 'zh-CN': '少件漏发', en: 'Missing item' },
  not_as_described: { 'zh-CN': '与描述不符', en: 'Not as described' },
  packaging: { 'zh-CN': '包装问题', en: 'Packaging' },
  tracking_not_updating: { 'zh-CN': '物流信息不更新', en: 'Tracking not updating' },
  refund_trouble: { 'zh-CN': '退款或退货问题', en: 'Refund or return trouble' },
  praise: { 'zh-CN': '表扬', en: 'Praise' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export function isFeedbackCategory(value: string): value is FeedbackCategory {
  return (FEEDBACK_CATEGORIES as readonly string[]).includes(value);
}

import type { LocalizedText } from '../tracking/statuses';

/**
 * A category kept out of no-reason returns: always (custom-made, fresh food, periodicals), or
 * once the seal is broken (digital content, and what a shop marks: cosmetics, underwear).
 * Quality problems stay returnable whatever the category.
 */
export interface CategoryExclusion {
  category: string;
  when: 'always' | 'unsealed';
}

/** The shop's after-sales settings (ops can change them; they apply to the next request). */
export interface ReturnPolicy {
  noReasonDays: number;
  qualityDays: number;
  /** What the shop marks on top of the statutory exclusions. */
  shopExclusions: CategoryExclusion[];
  /** Deducted from a no-reason refund when a courier collects it. */
  returnShippingFeeFen: number;
  /** Requests that pass every rule and refund less than this are approved without a person. */
  autoApproveLimitFen: number;
}

/** PRC consumer law art. 25 and the SAMR measures on seven-day no-reason returns. */
export const STATUTORY_EXCLUSIONS: readonly CategoryExclusion[] = [
  { category: 'custom_made', when: 'always' },
  { category: 'fresh_food', when: 'always' },
  { category: 'periodicals', when: 'always' },
  { category: 'digital_content', when: 'unsealed' },
];

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  noReasonDays: 7,
  qualityDays: 15,
  shopExclusions: [
    { category: 'beauty', when: 'unsealed' },
    { category: 'underwear', when: 'unsealed' },
  ],
  returnShippingFeeFen: 1000,
  autoApproveLimitFen: 50_000,
};

export const CATEGORY_LABELS: Record<string, LocalizedText> = {
  apparel: { 'zh-CN': '服装', en: 'Clothing' },
  shoes: { 'zh-CN': '鞋靴', en: 'Shoes' },
  underwear: { 'zh-CN': '内衣', en: 'Underwear' },
  electronics: { 'zh-CN': '数码电器', en: 'Electronics' },
  beauty: { 'zh-CN': '美妆护肤', en: 'Beauty' },
  home: { 'zh-CN': '家居', en: 'Home' },
  fresh_food: { 'zh-CN': '生鲜', en: 'Fresh food' },
  packaged_food: { 'zh-CN': '食品', en: 'Packaged food' },
  books: { 'zh-CN': '图书', en: 'Books' },
  periodicals: { 'zh-CN': '报纸期刊', en: 'Newspapers and periodicals' },
  digital_content: { 'zh-CN': '数字内容', en: 'Digital content' },
  custom_made: { 'zh-CN': '定制商品', en: 'Custom-made' },
};

/** The exclusion that keeps this category out of a no-reason return in this condition, if any. */
export function exclusionFor(
  category: string,
  condition: 'unopened' | 'opened' | 'used',
  policy: Pick<ReturnPolicy, 'shopExclusions'>,
): CategoryExclusion | null {
  for (const rule of [...STATUTORY_EXCLUSIONS, ...policy.shopExclusions]) {
    if (rule.category !== category) continue;
    if (rule.when === 'always' || condition !== 'unopened') return rule;
  }
  return null;
}

import type { LocalizedText } from '../tracking/statuses';

/**
 * Why a customer sends something back: seven first-level reasons (the list Chinese marketplaces
 * use), each with second-level details. Who is at fault decides the window, the return
 * shipping and whether excluded categories still apply; some reasons need a photo as evidence.
 */
export const RETURN_REASON_CODES = [
  'no_reason',
  'size_fit',
  'quality_defect',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'not_as_described',
] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export const ITEM_CONDITIONS = ['unopened', 'opened', 'used'] as const;
export type ItemCondition = (typeof ITEM_CONDITIONS)[number];

export interface ReturnReason {
  code: ReturnReasonCode;
  /** Seller at fault: the quality window, free return shipping, shipping refunded when emptied. */
  sellerFault: boolean;
  photoRequired: boolean;
  label: LocalizedText;
  /** Every detail this reason has ever had; which are offered for an item is return-details.ts's rule. */
  details: readonly ReturnDetail[];
}

/**
 * A second-level reason. `fits` names the product categories it makes sense for ('any': every
 * one): a seam comes apart on a shirt, not on an orange. A retired detail is never offered again
 * but keeps its words, because returns already stored carry it.
 */
export interface ReturnDetail {
  code: string;
  label: LocalizedText;
  fits: 'any' | readonly string[];
  retired?: true;
}

const detail = (code: string, zh: string, en: string, fits: ReturnDetail['fits'] = 'any'): ReturnDetail => ({ code, label: { 'zh-CN': zh, en }, fits });
const retired = (code: string, zh: string, en: string): ReturnDetail => ({ ...detail(code, zh, en), retired: true });

// The kinds of things the details are about (product category ids, see return-policy.ts).
const WEARABLE = ['apparel', 'shoes', 'underwear'];
const TEXTILE = [...WEARABLE, 'home', 'custom_made'];
const HARD_GOODS = ['shoes', 'electronics', 'home', 'custom_made', 'beauty'];
const POWERED = ['electronics', 'home'];
const FOOD = ['fresh_food', 'packaged_food'];
const PRINTED = ['books', 'periodicals', 'custom_made'];
const PHYSICAL = ['apparel', 'shoes', 'underwear', 'electronics', 'beauty', 'home', 'fresh_food', 'packaged_food', 'books', 'periodicals', 'custom_made'];

export const RETURN_REASONS: readonly ReturnReason[] = [
  {
    code: 'no_reason',
    sellerFault: false,
    photoRequired: false,
    label: { 'zh-CN': '七天无理由', en: 'Changed my mind' },
    // No reason means none is asked for; these four were asked once and stay readable.
    details: [
      retired('changed_mind', '不想要了', 'No longer wanted'),
      retired('ordered_by_mistake', '拍错了/多拍了', 'Ordered by mistake or too many'),
      retired('found_cheaper', '其他地方更便宜', 'Found it cheaper elsewhere'),
      retired('arrived_too_late', '到货太晚，已不需要', 'Arrived too late to be useful'),
    ],
  },
  {
    code: 'size_fit',
    sellerFault: false,
    photoRequired: false,
    label: { 'zh-CN': '尺码/大小不合适', en: 'Size or fit' },
    details: [
      detail('too_small', '偏小', 'Too small', WEARABLE),
      detail('too_large', '偏大', 'Too large', WEARABLE),
      detail('poor_fit', '版型不合适', 'Does not fit well', [...WEARABLE, 'custom_made']),
      detail('wrong_dimensions', '尺寸与需要的不符', 'Not the dimensions I need', ['home', 'custom_made']),
    ],
  },
  {
    code: 'quality_defect',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '质量问题', en: 'Quality defect' },
    details: [
      detail('does_not_work', '无法使用/不工作', 'Does not work', POWERED),
      detail('stopped_working', '使用后出现故障', 'Stopped working', POWERED),
      detail('seams_open', '开线/脱胶', 'Seams or glue coming apart', TEXTILE),
      detail('stained', '污渍', 'Stains', [...TEXTILE, 'books']),
      detail('scratched', '划痕/磕碰', 'Scratches or dents', HARD_GOODS),
      detail('rotten', '腐烂/变质', 'Rotten or spoiled', ['fresh_food']),
      detail('not_fresh', '不新鲜/有异味', 'Not fresh or smells off', FOOD),
      detail('expired', '临期/过期', 'Past or near its use-by date', [...FOOD, 'beauty']),
      detail('pages_missing', '缺页/印刷错误', 'Missing pages or misprinted', PRINTED),
      detail('code_invalid', '激活码无法使用', 'Activation code does not work', ['digital_content']),
      detail('other_quality', '其他质量问题', 'Another quality problem'),
      retired('poor_workmanship', '做工瑕疵（开线、污渍、划痕）', 'Poor workmanship (seams, stains, scratches)'),
    ],
  },
  {
    code: 'damaged_in_transit',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '运输途中损坏', en: 'Damaged in transit' },
    details: [
      detail('item_broken', '商品破损', 'Item broken', PHYSICAL),
      detail('package_crushed', '包装或商品压坏', 'Crushed in the parcel', PHYSICAL),
      detail('leaking', '漏液/渗漏', 'Leaking', [...FOOD, 'beauty', 'home']),
      detail('thawed', '冷链失效/化冻', 'Arrived thawed or warm', ['fresh_food']),
      detail('card_damaged', '兑换卡破损无法使用', 'Card damaged and unusable', ['digital_content']),
    ],
  },
  {
    code: 'wrong_item',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '商家发错货', en: 'Wrong item' },
    details: [
      detail('different_product', '收到的不是这件商品', 'A different product'),
      detail('wrong_size_or_colour', '颜色/尺码发错', 'Wrong size or colour', WEARABLE),
      detail('wrong_variant', '规格/型号发错', 'Wrong model or variant', ['electronics', 'beauty', 'home', 'fresh_food', 'packaged_food', 'books', 'digital_content', 'custom_made']),
    ],
  },
  {
    code: 'missing_parts',
    sellerFault: true,
    photoRequired: false,
    label: { 'zh-CN': '少件/漏发配件', en: 'Missing parts' },
    details: [
      detail('missing_accessory', '缺少配件', 'An accessory is missing', POWERED),
      detail('short_quantity', '数量/重量不足', 'Fewer or lighter than ordered'),
      detail('missing_gift', '赠品未收到', 'The free gift is missing'),
      detail('missing_manual', '缺少说明书/保修卡', 'Manual or warranty card missing', POWERED),
    ],
  },
  {
    code: 'not_as_described',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '与商品描述不符', en: 'Not as described' },
    details: [
      detail('looks_different', '与图片不符', 'Looks different from the photos', PHYSICAL),
      detail('wrong_specification', '规格参数不符', 'Specifications differ'),
      detail('suspected_counterfeit', '疑似假货', 'Suspected counterfeit'),
    ],
  },
];

const BY_CODE = new Map(RETURN_REASONS.map((r) => [r.code, r]));

export function findReturnReason(code: string): ReturnReason | undefined {
  return BY_CODE.get(code as ReturnReasonCode);
}

export const CONDITION_LABELS: Record<ItemCondition, LocalizedText> = {
  unopened: { 'zh-CN': '未拆封', en: 'Unopened' },
  opened: { 'zh-CN': '已拆封', en: 'Opened' },
  used: { 'zh-CN': '已使用', en: 'Used' },
};

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
  details: readonly { code: string; label: LocalizedText }[];
}

const detail = (code: string, zh: string, en: string) => ({ code, label: { 'zh-CN': zh, en } });

export const RETURN_REASONS: readonly ReturnReason[] = [
  {
    code: 'no_reason',
    sellerFault: false,
    photoRequired: false,
    label: { 'zh-CN': '七天无理由', en: 'Changed my mind' },
    details: [
      detail('changed_mind', '不想要了', 'No longer wanted'),
      detail('ordered_by_mistake', '拍错了/多拍了', 'Ordered by mistake or too many'),
      detail('found_cheaper', '其他地方更便宜', 'Found it cheaper elsewhere'),
      detail('arrived_too_late', '到货太晚，已不需要', 'Arrived too late to be useful'),
    ],
  },
  {
    code: 'size_fit',
    sellerFault: false,
    photoRequired: false,
    label: { 'zh-CN': '尺码/大小不合适', en: 'Size or fit' },
    details: [
      detail('too_small', '偏小', 'Too small'),
      detail('too_large', '偏大', 'Too large'),
      detail('poor_fit', '版型不合适', 'Does not fit well'),
    ],
  },
  {
    code: 'quality_defect',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '质量问题', en: 'Quality defect' },
    details: [
      detail('does_not_work', '无法使用/不工作', 'Does not work'),
      detail('stopped_working', '使用后出现故障', 'Stopped working'),
      detail('poor_workmanship', '做工瑕疵（开线、污渍、划痕）', 'Poor workmanship (seams, stains, scratches)'),
    ],
  },
  {
    code: 'damaged_in_transit',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '运输途中损坏', en: 'Damaged in transit' },
    details: [
      detail('item_broken', '商品破损', 'Item broken'),
      detail('package_crushed', '包装压坏', 'Package crushed'),
      detail('leaking', '漏液/渗漏', 'Leaking'),
    ],
  },
  {
    code: 'wrong_item',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '商家发错货', en: 'Wrong item' },
    details: [
      detail('different_product', '收到的不是这件商品', 'A different product'),
      detail('wrong_size_or_colour', '颜色/尺码发错', 'Wrong size or colour'),
    ],
  },
  {
    code: 'missing_parts',
    sellerFault: true,
    photoRequired: false,
    label: { 'zh-CN': '少件/漏发配件', en: 'Missing parts' },
    details: [
      detail('missing_accessory', '缺少配件', 'An accessory is missing'),
      detail('missing_gift', '赠品未收到', 'The free gift is missing'),
      detail('missing_manual', '缺少说明书/保修卡', 'Manual or warranty card missing'),
    ],
  },
  {
    code: 'not_as_described',
    sellerFault: true,
    photoRequired: true,
    label: { 'zh-CN': '与商品描述不符', en: 'Not as described' },
    details: [
      detail('looks_different', '与图片不符', 'Looks different from the photos'),
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

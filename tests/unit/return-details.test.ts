import { describe, expect, it } from 'vitest';
import { offeredReturnDetails, reasonAsksForDetail, reasonFitsItems, returnDetailProblem } from '../../shared/returns/return-details';
import { RETURN_REASONS } from '../../shared/returns/return-reasons';
import { CATEGORY_LABELS } from '../../shared/returns/return-policy';

const offered = (reason: string, categories: string[]) => offeredReturnDetails(reason, categories).map((d) => d.code);

describe('sub-reasons offered for a reason and the items going back', () => {
  it.each([
    // [reason, categories, offered, not offered]
    ['quality_defect', ['fresh_food'], ['rotten', 'not_fresh', 'expired', 'other_quality'], ['seams_open', 'stained', 'scratched', 'does_not_work']],
    ['quality_defect', ['apparel'], ['seams_open', 'stained', 'other_quality'], ['rotten', 'scratched', 'does_not_work']],
    ['quality_defect', ['electronics'], ['does_not_work', 'stopped_working', 'scratched', 'other_quality'], ['seams_open', 'stained', 'rotten']],
    ['quality_defect', ['books'], ['stained', 'pages_missing', 'other_quality'], ['seams_open', 'rotten']],
    ['quality_defect', ['digital_content'], ['code_invalid', 'other_quality'], ['scratched']],
    // A shirt and oranges together: only what fits both.
    ['quality_defect', ['apparel', 'fresh_food'], ['other_quality'], ['seams_open', 'rotten']],
    ['damaged_in_transit', ['fresh_food'], ['item_broken', 'package_crushed', 'leaking', 'thawed'], ['card_damaged']],
    ['damaged_in_transit', ['apparel'], ['item_broken', 'package_crushed'], ['leaking', 'thawed']],
    ['size_fit', ['shoes'], ['too_small', 'too_large', 'poor_fit'], ['wrong_dimensions']],
    ['size_fit', ['fresh_food'], [], ['too_small', 'too_large', 'poor_fit', 'wrong_dimensions']],
    ['wrong_item', ['apparel'], ['different_product', 'wrong_size_or_colour'], ['wrong_variant']],
    ['wrong_item', ['fresh_food'], ['different_product', 'wrong_variant'], ['wrong_size_or_colour']],
    ['missing_parts', ['fresh_food'], ['short_quantity', 'missing_gift'], ['missing_accessory', 'missing_manual']],
    ['not_as_described', ['digital_content'], ['wrong_specification', 'suspected_counterfeit'], ['looks_different']],
    ['no_reason', ['apparel'], [], ['changed_mind', 'found_cheaper']],
  ])('%s for %j', (reason, categories, yes, no) => {
    const got = offered(reason, categories);
    for (const code of yes) expect(got).toContain(code);
    for (const code of no) expect(got).not.toContain(code);
    if (yes.length === 0) expect(got).toEqual([]);
  });

  it('never offers a retired sub-reason, though it keeps its words', () => {
    for (const reason of RETURN_REASONS) {
      const got = offered(reason.code, []);
      for (const d of reason.details.filter((d) => d.retired)) expect(got).not.toContain(d.code);
    }
    expect(RETURN_REASONS.find((r) => r.code === 'quality_defect')!.details.find((d) => d.code === 'poor_workmanship')!.label['zh-CN']).toContain('开线');
  });

  it('offers every reason that asks for a sub-reason at least one for every single category', () => {
    for (const category of Object.keys(CATEGORY_LABELS)) {
      for (const reason of RETURN_REASONS.filter((r) => r.code !== 'size_fit' && reasonAsksForDetail(r.code))) {
        expect(offered(reason.code, [category]), `${reason.code} for ${category}`).not.toEqual([]);
      }
    }
  });

  it('names only known categories', () => {
    const known = new Set(Object.keys(CATEGORY_LABELS));
    for (const reason of RETURN_REASONS) for (const d of reason.details) if (d.fits !== 'any') for (const c of d.fits) expect(known, `${d.code}: ${c}`).toContain(c);
  });
});

describe('reasons offered for the items', () => {
  it.each([
    ['no_reason', ['fresh_food'], true],
    ['size_fit', ['fresh_food'], false],
    ['size_fit', ['apparel', 'fresh_food'], false],
    ['size_fit', ['apparel', 'shoes'], true],
    ['quality_defect', ['fresh_food'], true],
    ['unknown', ['apparel'], true],
  ])('%s for %j → %s', (reason, categories, fits) => {
    expect(reasonFitsItems(reason, categories)).toBe(fits);
  });
});

describe('checking the sub-reason given', () => {
  it.each([
    // [reason, detail, categories, required, problem]
    ['no_reason', null, ['apparel'], true, null],
    ['no_reason', 'changed_mind', ['apparel'], true, 'detail_not_asked'],
    ['quality_defect', null, ['apparel'], false, null],
    ['quality_defect', null, ['apparel'], true, 'detail_required'],
    ['quality_defect', 'seams_open', ['apparel'], true, null],
    ['quality_defect', 'seams_open', ['fresh_food'], true, 'detail_not_for_category'],
    ['quality_defect', 'seams_open', ['fresh_food'], false, 'detail_not_for_category'],
    ['quality_defect', 'rotten', ['fresh_food'], true, null],
    ['quality_defect', 'poor_workmanship', ['apparel'], true, 'unknown_reason_detail'],
    ['quality_defect', 'too_small', ['apparel'], true, 'unknown_reason_detail'],
    ['size_fit', 'too_small', ['apparel', 'fresh_food'], true, 'detail_not_for_category'],
    ['damaged_in_transit', 'package_crushed', ['fresh_food'], true, null],
  ] as const)('%s / %s for %j (required %s) → %s', (reason, detail, categories, required, problem) => {
    expect(returnDetailProblem(reason, detail, categories, required)).toBe(problem);
  });
});

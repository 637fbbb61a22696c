import { weighted, type Random } from './random';

/**
 * Names and phone numbers that look like a real Chinese customer list. Surnames carry their
 * rough share of the population (王, 李 and 张 alone are about a fifth of it), so the ops
 * screens look like the real thing rather than like a uniform shuffle.
 */
const SURNAMES = weighted<string>([
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 22], ['赵', 20],
  ['吴', 19], ['周', 19], ['徐', 15], ['孙', 14], ['马', 13], ['朱', 13], ['胡', 13], ['郭', 12],
  ['何', 11], ['林', 11], ['高', 11], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8],
  ['唐', 8], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 6],
  ['肖', 6], ['田', 6], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 4], ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 4], ['沈', 4], ['姚', 3], ['卢', 3], ['钟', 3], ['姜', 3], ['崔', 3], ['谭', 3],
  ['陆', 3], ['范', 3], ['汪', 3], ['廖', 3], ['石', 3], ['金', 3], ['韦', 2], ['贾', 2],
  ['欧阳', 1], ['上官', 0.3], ['司马', 0.3], ['诸葛', 0.2],
]);

const GIVEN_NAMES_ONE_CHAR = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
  '超', '霞', '平', '刚', '鑫', '斌', '婷', '宇', '浩', '凯', '琳', '欣', '彤', '阳', '雪', '颖',
];

const GIVEN_NAMES_TWO_CHARS = [
  '秀英', '桂英', '建华', '建国', '国强', '志强', '丽华', '海燕', '晓燕', '晓明', '春梅', '秀兰',
  '玉兰', '文静', '志明', '小红', '俊杰', '浩然', '子轩', '梓涵', '一诺', '欣怡', '宇轩', '雨桐',
  '思远', '佳怡', '诗涵', '晨曦', '博文', '嘉怡', '子涵', '文博', '雅琪', '天宇', '若汐', '明轩',
  '梦瑶', '佳豪', '思彤', '雨涵', '家乐', '志伟', '丽娟', '红梅', '海涛', '永刚', '晓东', '慧敏',
  '艺馨', '锦程', '泽宇', '可馨', '静怡', '昊天', '欣妍', '思雨', '嘉欣', '宏伟', '立新', '淑芬',
];

/** 张伟, 欧阳娜娜, 李子轩. */
export function makePersonName(random: Random): string {
  const given = random.chance(0.3) ? random.pick(GIVEN_NAMES_ONE_CHAR) : random.pick(GIVEN_NAMES_TWO_CHARS);
  return SURNAMES.pick(random) + given;
}

/**
 * Mainland mobile number prefixes in real use (China Mobile, Unicom, Telecom and the
 * 19x ranges), weighted towards the older, fuller 13x/15x/18x blocks.
 */
const MOBILE_PREFIXES = weighted<string>([
  ['130', 3], ['131', 3], ['132', 3], ['133', 3], ['134', 3], ['135', 5], ['136', 5], ['137', 5],
  ['138', 6], ['139', 6], ['150', 4], ['151', 4], ['152', 4], ['153', 3], ['155', 3], ['156', 3],
  ['157', 3], ['158', 4], ['159', 4], ['173', 2], ['175', 1], ['176', 2], ['177', 2], ['178', 2],
  ['180', 3], ['181', 3], ['182', 3], ['183', 3], ['185', 3], ['186', 4], ['187', 3], ['188', 3],
  ['189', 3], ['191', 1], ['193', 1], ['195', 1], ['198', 2], ['199', 2],
]);

/** Eleven digits, e.g. 13812345678. */
export function makeMobileNumber(random: Random): string {
  return MOBILE_PREFIXES.pick(random) + random.digits(8);
}

/** Who signs when the recipient isn't the one at the door (Delivered_003). */
export const STAND_IN_SIGNERS = ['门卫', '前台', '家人', '同事', '物业'] as const;

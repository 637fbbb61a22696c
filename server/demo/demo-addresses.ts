import type { DemoCity } from './demo-places';
import type { Random } from './random';

/**
 * Street addresses the way Chinese customers type them: road and house number first, then
 * estate, building, unit and flat (科技南路88号阳光花园3栋2单元1502室), or an office tower and
 * floor. The road comes first on purpose: masking keeps the road and hides the numbers.
 */
const ESTATES = [
  '阳光花园', '锦绣家园', '翠苑小区', '万科城', '保利花园', '碧桂园', '绿地世纪城', '华润城',
  '金色家园', '幸福里', '龙湖春江郦城', '融创御园', '滨江花园', '和平新村', '东方明珠苑', '中海华庭',
  '招商雍景湾', '世茂滨江', '恒大名都', '紫薇花园', '桂花苑', '育才小区', '丽景湾', '新天地公寓',
];

const OFFICE_TOWERS = ['国际大厦', '财富中心', '科技园A座', '创业大厦', '环球中心', '金融广场', '软件园二期', '时代广场'];

export interface StreetAddress {
  district: string;
  street: string;
}

export function makeStreetAddress(random: Random, city: DemoCity): StreetAddress {
  const district = random.pick(city.districts);
  const road = random.pick(city.roads);
  const houseNo = random.int(1, 999);
  const kind = random.next();
  let rest: string;
  if (kind < 0.72) {
    const building = random.int(1, 32);
    const unit = random.int(1, 6);
    const floor = random.int(1, 33);
    const flat = `${floor}${String(random.int(1, 4)).padStart(2, '0')}`;
    // 北京 and 天津 say 号楼, the south mostly says 栋.
    const block = city.hub === '北京' ? '号楼' : '栋';
    rest = `${random.pick(ESTATES)}${building}${block}${unit}单元${flat}室`;
  } else if (kind < 0.9) {
    rest = `${random.pick(OFFICE_TOWERS)}${random.int(2, 45)}层`;
  } else {
    rest = `${random.int(1, 12)}栋${random.int(101, 2608)}`;
  }
  return { district, street: `${road}${houseNo}号${rest}` };
}

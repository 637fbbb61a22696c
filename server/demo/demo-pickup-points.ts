import { pickupPointProblems, type PickupPointReport, type PickupPointType } from '../../shared/courier/pickup-point';
import type { StreetAddress } from './demo-addresses';
import { deriveSeed, Random } from './random';

/**
 * The locker or station near the recipient where a demo parcel waits, as a courier would
 * report it: the brands Chinese estates have (丰巢 and 速递易 lockers, 菜鸟驿站 and 妈妈驿站
 * stations), at the recipient's own estate or road, with a code of the kind each one prints.
 *
 * Drawn from its own stream (seeded by the drop's time), so adding it changed no other demo
 * value; checked by the courier's rule, so a demo parcel carries nothing a courier couldn't send.
 */
const PICKUP_STREAM = 0x70c4e7;

const LOCKER_BRANDS = ['丰巢快递柜', '丰巢快递柜', '速递易'];
const STATION_BRANDS = ['菜鸟驿站', '菜鸟驿站', '妈妈驿站', '兔喜生活'];
const LOCKER_SPOTS = ['北门东侧', '南门入口', '地下车库入口', '1栋楼下', '东门岗亭旁'];
const STATION_SPOTS = ['底商', '南门商铺', '北门旁', '社区服务中心一楼'];

/** 科技南路88号阳光花园3栋2单元1502室 → road 科技南路, number 88, estate 阳光花园 (or the office tower). */
function addressParts(street: string): { road: string; houseNo: number; estate: string } {
  const match = /^(\D+?)(\d+)号(\D*)/.exec(street);
  if (!match) return { road: street.slice(0, 8), houseNo: 1, estate: '' };
  return { road: match[1]!, houseNo: Number(match[2]), estate: match[3]!.replace(/[A-Z]?座$/, '') };
}

export function demoPickupPoint(type: PickupPointType, home: StreetAddress, at: number): PickupPointReport {
  const random = new Random(deriveSeed(PICKUP_STREAM, at));
  const { road, houseNo, estate } = addressParts(home.street);
  const near = estate || road;
  const point: PickupPointReport =
    type === 'locker'
      ? {
          type,
          code: String(random.int(10_000_000, 99_999_999)).slice(0, random.chance(0.5) ? 6 : 8),
          name: `${random.pick(LOCKER_BRANDS)}（${near}${random.int(1, 6)}号柜）`,
          address: `${home.district}${road}${houseNo}号${estate}${random.pick(LOCKER_SPOTS)}`,
        }
      : {
          type,
          code: `${random.int(1, 24)}-${random.int(1, 6)}-${random.int(1000, 9999)}`,
          name: `${random.pick(STATION_BRANDS)}（${near}店）`,
          address: `${home.district}${road}${houseNo + random.int(0, 12)}号${estate}${random.pick(STATION_SPOTS)}`,
        };
  const problems = pickupPointProblems(point);
  if (problems.length > 0) throw new Error(`demo pickup point ${JSON.stringify(point)} breaks the courier's rule: ${problems[0]!.message}`);
  return point;
}

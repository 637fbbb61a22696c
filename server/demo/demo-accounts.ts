import type { DemoSignIn } from '../../shared/api/tracking-view';

/**
 * The people a visitor can sign in as in demo mode. Passwords are public on purpose (the
 * demo page lists them); a database filled by the demo is never a production database.
 * Couriers sign in with their mobile number, staff with an email address.
 */
export interface DemoCourierAccount {
  name: string;
  phone: string;
  password: string;
  /** A key of DEMO_CITIES: the city whose districts this courier serves. */
  city: string;
  /**
   * Only these of the city's districts: a relief courier, who takes stops the desk moves to
   * them rather than the city's own parcels. Without it, all of them: the city's courier.
   */
  districts?: readonly string[];
}

export interface DemoStaffAccount {
  name: string;
  email: string;
  password: string;
  /** Value of staff.role. */
  role: 'ops';
}

const COURIER_PASSWORD = 'courier123';
const STAFF_PASSWORD = 'ops12345';

/**
 * Order matters: generated shipments refer to couriers by 1-based position in this list. One
 * courier in every city the demo ships to, so each parcel goes to someone who works its district
 * (the first six are the ones the demo page has always offered), and a relief courier.
 */
export const DEMO_COURIERS: readonly DemoCourierAccount[] = [
  { name: '王建军', phone: '13826541907', password: COURIER_PASSWORD, city: '深圳' },
  { name: '李强', phone: '15921876403', password: COURIER_PASSWORD, city: '上海' },
  { name: '张磊', phone: '18611023458', password: COURIER_PASSWORD, city: '北京' },
  { name: '陈晓东', phone: '13758190266', password: COURIER_PASSWORD, city: '杭州' },
  { name: '刘洋', phone: '18980764315', password: COURIER_PASSWORD, city: '成都' },
  { name: '赵志刚', phone: '15927138820', password: COURIER_PASSWORD, city: '武汉' },
  { name: '黄海涛', phone: '13602287145', password: COURIER_PASSWORD, city: '广州' },
  { name: '周永刚', phone: '18723055918', password: COURIER_PASSWORD, city: '重庆' },
  { name: '吴国强', phone: '13951720384', password: COURIER_PASSWORD, city: '南京' },
  { name: '徐立新', phone: '15862401937', password: COURIER_PASSWORD, city: '苏州' },
  { name: '马俊杰', phone: '18691573026', password: COURIER_PASSWORD, city: '西安' },
  { name: '彭志伟', phone: '13787210653', password: COURIER_PASSWORD, city: '长沙' },
  { name: '韩晓明', phone: '13512098764', password: COURIER_PASSWORD, city: '天津' },
  { name: '郭宏伟', phone: '15838176402', password: COURIER_PASSWORD, city: '郑州' },
  { name: '于海燕', phone: '18661902375', password: COURIER_PASSWORD, city: '青岛' },
  { name: '崔建华', phone: '13840267591', password: COURIER_PASSWORD, city: '沈阳' },
  { name: '林志明', phone: '13906051824', password: COURIER_PASSWORD, city: '厦门' },
  // Shenzhen's west side has a second pair of hands for the desk to move stops to.
  { name: '孙浩然', phone: '13148765209', password: COURIER_PASSWORD, city: '深圳', districts: ['南山区', '福田区', '宝安区'] },
];

export const DEMO_STAFF: readonly DemoStaffAccount[] = [
  { name: '周敏', email: 'ops@doorstep.demo', password: STAFF_PASSWORD, role: 'ops' },
  { name: '孙丽华', email: 'lead@doorstep.demo', password: STAFF_PASSWORD, role: 'ops' },
];

/** Warehouse workers: staff rows with role `warehouse`, each working in one demo warehouse (by code). */
export const DEMO_WAREHOUSE_WORKERS: readonly { name: string; email: string; password: string; warehouse: string }[] = [
  { name: '梁志华', email: 'warehouse@doorstep.demo', password: 'warehouse123', warehouse: 'GZ-BY' },
];

export const DEMO_SIGN_INS: DemoSignIn[] = [
  ...DEMO_COURIERS.map((c): DemoSignIn => ({ role: 'courier', name: c.name, login: c.phone, password: c.password })),
  ...DEMO_STAFF.map((s): DemoSignIn => ({ role: 'staff', name: s.name, login: s.email, password: s.password })),
  ...DEMO_WAREHOUSE_WORKERS.map((w): DemoSignIn => ({ role: 'warehouse', name: w.name, login: w.email, password: w.password })),
];

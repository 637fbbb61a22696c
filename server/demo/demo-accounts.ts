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
  /** A key of DEMO_CITIES: the city whose parcels this courier delivers. */
  city: string;
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

/** Order matters: generated shipments refer to couriers by 1-based position in this list. */
export const DEMO_COURIERS: readonly DemoCourierAccount[] = [
  { name: '王建军', phone: '13826541907', password: COURIER_PASSWORD, city: '深圳' },
  { name: '李强', phone: '15921876403', password: COURIER_PASSWORD, city: '上海' },
  { name: '张磊', phone: '18611023458', password: COURIER_PASSWORD, city: '北京' },
  { name: '陈晓东', phone: '13758190266', password: COURIER_PASSWORD, city: '杭州' },
  { name: '刘洋', phone: '18980764315', password: COURIER_PASSWORD, city: '成都' },
  { name: '赵志刚', phone: '15927138820', password: COURIER_PASSWORD, city: '武汉' },
];

export const DEMO_STAFF: readonly DemoStaffAccount[] = [
  { name: '周敏', email: 'ops@doorstep.demo', password: STAFF_PASSWORD, role: 'ops' },
  { name: '孙丽华', email: 'lead@doorstep.demo', password: STAFF_PASSWORD, role: 'ops' },
];

export const DEMO_SIGN_INS: DemoSignIn[] = [
  ...DEMO_COURIERS.map((c): DemoSignIn => ({ role: 'courier', name: c.name, login: c.phone, password: c.password })),
  ...DEMO_STAFF.map((s): DemoSignIn => ({ role: 'staff', name: s.name, login: s.email, password: s.password })),
];

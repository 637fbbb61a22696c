/**
 * A parcel the courier put in a parcel locker (快递柜: 丰巢, 速递易 …) or left at a pickup
 * station (驿站: 菜鸟驿站, 妈妈驿站 …): where it waits, the code that opens it (取件码), and
 * how long it waits before it goes back to the sender.
 *
 * Pure and zod-free: the courier's form checks what the server's schema will check, and the
 * customer's page imports only the types.
 */
export const PICKUP_POINT_TYPES = ['locker', 'station'] as const;
export type PickupPointType = (typeof PICKUP_POINT_TYPES)[number];

const HOUR = 3600_000;

/**
 * How long a parcel waits when the courier does not say: a locker's free keeping is short
 * (丰巢 charges after 12–18 h and sends parcels back after about three days), a station keeps
 * one for about a week. Constants rather than a shop setting: the locker's operator decides.
 */
export const DEFAULT_KEEP_HOURS: Record<PickupPointType, number> = { locker: 72, station: 7 * 24 };
/** Nobody keeps a parcel longer than two weeks; a longer figure is a typing slip. */
export const MAX_KEEP_HOURS = 14 * 24;

export const PICKUP_NAME_MAX = 40;
export const PICKUP_ADDRESS_MAX = 80;

/**
 * A locker's keypad has digits only (丰巢 sends 6 or 8); a station's code is often its shelf,
 * layer and number (8-3-1024, A2-3-4056) or plain digits.
 */
const LOCKER_CODE = /^\d{4,8}$/;
const STATION_CODE = /^(?:\d{4,8}|(?:[A-Z0-9]{1,3}-){1,3}\d{2,6})$/;

/** What the courier's report says about the pickup point. */
export interface PickupPointReport {
  type: PickupPointType;
  code: string;
  name: string;
  address: string;
  /** Hours it waits before going back; the type's default when absent. */
  keepHours?: number;
}

/** Where the parcel waits and until when: what the public view may show (never the code). */
export interface PickupPlace {
  type: PickupPointType;
  name: string;
  address: string;
  /** Epoch ms: collect it before this, or it goes back to the sender. */
  keepUntil: number;
}

export type PickupPointField = 'type' | 'code' | 'name' | 'address' | 'keepHours';
export type PickupPointProblem = { field: PickupPointField; code: string; message: string };

// No control characters (PostgreSQL refuses NUL) and nothing around the text: the form trims.
const CONTROL = /[\u0000-\u001f\u007f]/;

function textProblem(field: 'name' | 'address', value: string, min: number, max: number): PickupPointProblem | null {
  if (CONTROL.test(value)) return { field, code: `${field}_invalid`, message: `The ${field} must not contain control characters` };
  if (value !== value.trim()) return { field, code: `${field}_invalid`, message: `The ${field} must not start or end with spaces` };
  const length = [...value].length;
  if (length < min) return { field, code: `${field}_required`, message: `The pickup point’s ${field} is required (at least ${min} characters)` };
  if (length > max) return { field, code: `${field}_too_long`, message: `The pickup point’s ${field} is at most ${max} characters` };
  return null;
}

/** Every problem with a reported pickup point, first field first; empty when it is fine. */
export function pickupPointProblems(point: PickupPointReport): PickupPointProblem[] {
  const problems: PickupPointProblem[] = [];
  if (!(PICKUP_POINT_TYPES as readonly string[]).includes(point.type)) {
    problems.push({ field: 'type', code: 'type_invalid', message: 'Say whether it is a locker or a station' });
  }
  const pattern = point.type === 'locker' ? LOCKER_CODE : STATION_CODE;
  if (point.code === '') problems.push({ field: 'code', code: 'code_required', message: 'The pickup code is required' });
  else if (!pattern.test(point.code)) {
    problems.push({
      field: 'code',
      code: 'code_invalid',
      message: point.type === 'locker' ? 'A locker code is 4 to 8 digits' : 'A station code is 4 to 8 digits, or shelf-layer-number like 8-3-1024',
    });
  }
  for (const p of [textProblem('name', point.name, 2, PICKUP_NAME_MAX), textProblem('address', point.address, 4, PICKUP_ADDRESS_MAX)]) {
    if (p) problems.push(p);
  }
  if (point.keepHours !== undefined && !(Number.isInteger(point.keepHours) && point.keepHours >= 1 && point.keepHours <= MAX_KEEP_HOURS)) {
    problems.push({ field: 'keepHours', code: 'keep_hours_invalid', message: `It waits 1 to ${MAX_KEEP_HOURS} whole hours` });
  }
  return problems;
}

/**
 * A code as people type it on a phone, tidied to what the rule accepts: full-width digits and
 * letters, long or Japanese dashes, spaces and slashes between groups, lower case. A locker's
 * code is digits only, so its groups ("123 456") join up.
 */
export function tidyPickupCode(typed: string, type: PickupPointType): string {
  const halfWidth = typed.trim().replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return halfWidth.replace(/[-‐‑‒–—―−ー/\s]+/g, type === 'locker' ? '' : '-').toUpperCase();
}

/** When the parcel goes back unless collected: the courier's hours, or the type's default. */
export function pickupKeepUntil(point: Pick<PickupPointReport, 'type' | 'keepHours'>, placedAt: number): number {
  return placedAt + (point.keepHours ?? DEFAULT_KEEP_HOURS[point.type]) * HOUR;
}

/** The tracking sub-status of the drop: a station's collection point, or a locker. */
export function pickupSubStatus(type: PickupPointType): string {
  return type === 'locker' ? 'AvailableForPickup_002' : 'AvailableForPickup_001';
}

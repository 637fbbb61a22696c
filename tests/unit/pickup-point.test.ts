import { describe, expect, it } from 'vitest';
import { courierReportSchema } from '../../shared/courier/courier-report';
import { DEFAULT_KEEP_HOURS, pickupKeepUntil, pickupPointProblems, tidyPickupCode, type PickupPointReport } from '../../shared/courier/pickup-point';
import { checkReportContent } from '../../shared/courier/report-rules';
import { instructionsRefusal } from '../../shared/tracking/instructions-applicability';
import { withRecentPlace, type RecentPickupPlace } from '../../client/offline/recent-pickup-places';
import type { TrackingStatus } from '../../shared/tracking/statuses';

const locker: PickupPointReport = { type: 'locker', code: '62839104', name: '丰巢快递柜（阳光花园3号柜）', address: '南山区科技南路88号阳光花园北门' };
const station: PickupPointReport = { type: 'station', code: '8-3-1024', name: '菜鸟驿站（阳光花园店）', address: '南山区科技南路90号底商' };
const codes = (point: PickupPointReport) => pickupPointProblems(point).map((p) => p.code);

describe('a reported pickup point', () => {
  it.each([
    ['a locker with an 8-digit code', locker, []],
    ['a locker with a 6-digit code', { ...locker, code: '628391' }, []],
    ['a locker with a 4-digit code', { ...locker, code: '0712' }, []],
    ['a station with shelf-layer-number', station, []],
    ['a station with a lettered shelf', { ...station, code: 'A2-3-4056' }, []],
    ['a station with two groups', { ...station, code: '12-0345' }, []],
    ['a station with plain digits', { ...station, code: '104512' }, []],
    ['a station code on a locker (its keypad has digits only)', { ...locker, code: '8-3-1024' }, ['code_invalid']],
    ['a locker code of 3 digits', { ...locker, code: '123' }, ['code_invalid']],
    ['a locker code of 9 digits', { ...locker, code: '123456789' }, ['code_invalid']],
    ['no code', { ...locker, code: '' }, ['code_required']],
    ['a code with letters on a locker', { ...locker, code: '12AB56' }, ['code_invalid']],
    ['a station code with a lower-case shelf (not tidied)', { ...station, code: 'a2-3-4056' }, ['code_invalid']],
    ['a station code with spaces (not tidied)', { ...station, code: '8 3 1024' }, ['code_invalid']],
    ['a station code with too many groups', { ...station, code: '1-2-3-4-1024' }, ['code_invalid']],
    ['a station code whose number is 1 digit', { ...station, code: '8-3-1' }, ['code_invalid']],
    ['a one-character name', { ...locker, name: '柜' }, ['name_required']],
    ['a name of spaces', { ...locker, name: '   ' }, ['name_invalid']],
    ['a name with spaces around', { ...locker, name: ' 丰巢 ' }, ['name_invalid']],
    ['a 41-character name', { ...locker, name: '丰'.repeat(41) }, ['name_too_long']],
    ['a 40-character name', { ...locker, name: '丰'.repeat(40) }, []],
    ['a name with a control character', { ...locker, name: '丰巢\u0000柜' }, ['name_invalid']],
    ['a name with a newline', { ...locker, name: '丰巢\n柜子' }, ['name_invalid']],
    ['a 3-character address', { ...locker, address: '北门口' }, ['address_required']],
    ['an 81-character address', { ...locker, address: '路'.repeat(81) }, ['address_too_long']],
    ['keeping 0 hours', { ...locker, keepHours: 0 }, ['keep_hours_invalid']],
    ['keeping 1.5 hours', { ...locker, keepHours: 1.5 }, ['keep_hours_invalid']],
    ['keeping 15 days', { ...locker, keepHours: 15 * 24 }, ['keep_hours_invalid']],
    ['keeping 14 days', { ...station, keepHours: 14 * 24 }, []],
    ['a kind that is neither', { ...locker, type: 'shelf' as 'locker' }, ['type_invalid']],
    ['everything wrong at once, first field first', { type: 'locker', code: 'x', name: '', address: '', keepHours: -1 } as PickupPointReport, ['code_invalid', 'name_required', 'address_required', 'keep_hours_invalid']],
  ] as const)('%s: %j', (_case, point, expected) => {
    expect(codes(point as PickupPointReport)).toEqual(expected);
  });

  it.each([
    ['８－３－１０２４', 'station', '8-3-1024'],
    [' 8 - 3 - 1024 ', 'station', '8-3-1024'],
    ['8—3—1024', 'station', '8-3-1024'],
    ['a2/3/4056', 'station', 'A2-3-4056'],
    ['628 391', 'locker', '628391'],
    ['６２８３９１０４', 'locker', '62839104'],
    ['6283-9104', 'locker', '62839104'],
  ] as const)('tidies %j typed for a %s to %j, which the rule accepts', (typed, type, tidy) => {
    expect(tidyPickupCode(typed, type)).toBe(tidy);
    expect(codes({ ...(type === 'locker' ? locker : station), code: tidyPickupCode(typed, type) })).toEqual([]);
  });

  it('waits 72 hours in a locker and 7 days at a station unless the courier says otherwise', () => {
    const at = Date.UTC(2026, 11, 5, 2);
    expect(DEFAULT_KEEP_HOURS).toEqual({ locker: 72, station: 168 });
    expect(pickupKeepUntil(locker, at)).toBe(at + 72 * 3600_000);
    expect(pickupKeepUntil(station, at)).toBe(at + 7 * 24 * 3600_000);
    expect(pickupKeepUntil({ ...locker, keepHours: 24 }, at)).toBe(at + 24 * 3600_000);
  });
});

describe('the courier report schema and rule for a drop at a locker or station', () => {
  const base = {
    id: '00000000-0000-4000-8000-000000000001',
    deviceId: '00000000-0000-4000-8000-000000000002',
    seq: 1,
    trackingNo: 'DS1234567890',
    occurredAt: Date.UTC(2026, 11, 5, 2),
    shipmentVersion: 3,
  };
  it.each([
    ['a drop with its pickup point', { ...base, kind: 'at_pickup_point', pickupPoint: station }, true],
    ['a drop without one', { ...base, kind: 'at_pickup_point' }, false],
    ['a delivery carrying one', { ...base, kind: 'delivered', pickupPoint: locker }, false],
    ['a drop with a bad code', { ...base, kind: 'at_pickup_point', pickupPoint: { ...locker, code: '8-3-1024' } }, false],
    ['a drop with an unknown field', { ...base, kind: 'at_pickup_point', pickupPoint: { ...locker, shelf: 3 } }, false],
    ['a drop with a 17-character code', { ...base, kind: 'at_pickup_point', pickupPoint: { ...station, code: '1'.repeat(17) } }, false],
  ] as const)('%s: accepted %s', (_case, body, ok) => {
    expect(courierReportSchema.safeParse(body).success).toBe(ok);
  });

  it('moves the parcel to AvailableForPickup, _002 for a locker and _001 for a station', () => {
    const proof = { photo: true, recipientName: true, signature: false };
    expect(checkReportContent({ kind: 'at_pickup_point', pickupPoint: locker }, proof)).toMatchObject({ ok: true, status: 'AvailableForPickup', subStatus: 'AvailableForPickup_002' });
    expect(checkReportContent({ kind: 'at_pickup_point', pickupPoint: station }, proof)).toMatchObject({ ok: true, subStatus: 'AvailableForPickup_001' });
    expect(checkReportContent({ kind: 'at_pickup_point' }, proof)).toMatchObject({ ok: false, code: 'pickup_point_required' });
    expect(checkReportContent({ kind: 'at_pickup_point', pickupPoint: locker, reasonCode: 'other' }, proof)).toMatchObject({ ok: false, code: 'reason_not_for_kind' });
  });
});

describe('when delivery instructions still mean something', () => {
  it.each([
    ['InTransit', 'InTransit_005', null],
    ['OutForDelivery', 'OutForDelivery_001', null],
    ['AttemptFail', 'AttemptFail_001', null],
    ['Exception', 'Exception_004', null],
    ['AvailableForPickup', 'AvailableForPickup_001', 'at_pickup_point'],
    ['AvailableForPickup', 'AvailableForPickup_002', 'at_pickup_point'],
    ['Exception', 'Exception_006', 'lost'],
    ['Exception', 'Exception_007', 'returning_to_sender'],
    ['InTransit', 'InTransit_007', 'returning_to_sender'],
    ['Delivered', 'Delivered_001', 'already_delivered'],
    ['Expired', 'Expired_001', 'already_delivered'],
  ] as const)('%s (%s): %s', (status, subStatus, refusal) => {
    expect(instructionsRefusal(status as TrackingStatus, subStatus)).toBe(refusal);
  });
});

describe('the lockers and stations a courier used lately', () => {
  const a = { type: 'locker', name: '丰巢快递柜（阳光花园3号柜）', address: '南山区科技南路88号阳光花园北门' } as const;
  const b = { type: 'station', name: '菜鸟驿站（阳光花园店）', address: '南山区科技南路90号底商' } as const;
  const c = { type: 'locker', name: '速递易（华润城2号柜）', address: '南山区深南大道9668号华润城南门' } as const;
  const d = { type: 'station', name: '妈妈驿站（万科城店）', address: '龙岗区龙岗大道5号万科城底商' } as const;
  const e = { type: 'locker', name: '丰巢快递柜（万科城1号柜）', address: '龙岗区龙岗大道5号万科城东门' } as const;

  it.each([
    ['the first one', [], a, [a]],
    ['a new one goes first', [a], b, [b, a]],
    ['one used again moves to the front, once', [b, a, c], a, [a, b, c]],
    ['the same name at another address is another place', [a], { ...a, address: '南山区科技南路88号阳光花园南门' }, [{ ...a, address: '南山区科技南路88号阳光花园南门' }, a]],
    ['at most four, the oldest dropped', [a, b, c, d], e, [e, a, b, c]],
  ] as const)('%s', (_case, before, used, after) => {
    expect(withRecentPlace(before, used)).toEqual(after);
  });

  it('keeps the place and never the code', () => {
    expect(withRecentPlace([], { ...a, code: '62839104', keepHours: 24 } as RecentPickupPlace)).toEqual([a]);
  });
});

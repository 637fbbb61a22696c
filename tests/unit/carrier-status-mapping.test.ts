import { describe, expect, it } from 'vitest';
import { mapKuaidi100Item, mapKuaidi100State, mapKuaidi100Word, parseKuaidi100Time } from '../../shared/carriers/kuaidi100-status';
import { findSubStatus } from '../../shared/tracking/statuses';
import { kuaidi100EventId, kuaidi100Events } from '../../server/domain/carriers/kuaidi100-push';

describe('Kuaidi100 state codes', () => {
  it.each([
    ['0', 'InTransit_001'],
    ['1', 'InTransit_002'],
    ['101', 'InfoReceived_001'],
    ['102', 'Pending_001'],
    ['103', 'InTransit_002'],
    ['1002', 'InTransit_001'],
    ['2', 'Exception_001'],
    ['201', 'Exception_002'],
    ['202', 'Expired_001'],
    ['206', 'AttemptFail_001'],
    ['209', 'Exception_005'],
    ['3', 'Delivered_001'],
    ['301', 'Delivered_002'],
    ['303', 'Delivered_003'],
    ['304', 'Delivered_004'],
    ['4', 'Exception_007'],
    ['5', 'OutForDelivery_001'],
    ['501', 'AvailableForPickup_002'],
    ['6', 'InTransit_007'],
    ['7', 'InTransit_004'],
    ['8', 'Exception_008'],
    ['14', 'Exception_003'],
    [5, 'OutForDelivery_001'],
    // Unknown sub-states fall back to their main state's first digit.
    ['599', 'OutForDelivery_001'],
    ['399', 'Delivered_001'],
    ['1099', 'InTransit_002'],
    ['299', 'Exception_001'],
  ])('%s → %s', (code, subStatus) => {
    expect(mapKuaidi100State(code)?.subStatus).toBe(subStatus);
  });

  it.each([['99'], ['9'], ['x'], [''], [null], [undefined], ['12345'], ['-1']])('%s maps to nothing', (code) => {
    expect(mapKuaidi100State(code)).toBeNull();
  });

  it('maps only to sub-statuses that exist, under their own status', async () => {
    const { KUAIDI100_STATES, KUAIDI100_WORDS } = await import('../../shared/carriers/kuaidi100-status');
    for (const mapped of [...Object.values(KUAIDI100_STATES), ...Object.values(KUAIDI100_WORDS)]) {
      expect(findSubStatus(mapped.subStatus)?.status, mapped.subStatus).toBe(mapped.status);
    }
  });
});

describe('Kuaidi100 status words', () => {
  it.each([
    ['在途', 'InTransit', 'InTransit_001'],
    ['揽收', 'InTransit', 'InTransit_002'],
    ['疑难', 'Exception', 'Exception_001'],
    ['签收', 'Delivered', 'Delivered_001'],
    ['退签', 'Exception', 'Exception_007'],
    ['派件', 'OutForDelivery', 'OutForDelivery_001'],
    ['退回', 'InTransit', 'InTransit_007'],
    [' 拒签 ', 'Exception', 'Exception_003'],
  ])('%s → %s', (word, status, subStatus) => {
    expect(mapKuaidi100Word(word)).toEqual({ status, subStatus });
  });

  it.each([['运输'], [''], [null]])('%s maps to nothing', (word) => {
    expect(mapKuaidi100Word(word)).toBeNull();
  });
});

describe('a history item', () => {
  it.each([
    [{ status: '签收' }, '5', true, 'Delivered_001'], // its own word wins
    [{ statusCode: '501' }, '0', false, 'AvailableForPickup_002'],
    [{}, '5', true, 'OutForDelivery_001'], // the push's state names the newest item
    [{}, '5', false, 'InTransit_001'], // …and only it
    [{ status: '？？' }, null, true, null],
  ])('%j with state %s (newest %s) → %s', (item, state, newest, subStatus) => {
    expect(mapKuaidi100Item(item, state, newest)?.subStatus ?? null).toBe(subStatus);
  });
});

describe('China time', () => {
  it.each([
    ['2026-12-05 10:12:00', Date.UTC(2026, 11, 5, 2, 12, 0)],
    ['2026-12-05 06:00', Date.UTC(2026, 11, 4, 22, 0, 0)],
    ['2026-01-01 00:00:00', Date.UTC(2025, 11, 31, 16, 0, 0)],
    ['2026-02-30 10:00:00', null],
    ['2026-12-05T10:12:00', null],
    ['yesterday', null],
  ])('%s → %s', (text, ms) => {
    expect(parseKuaidi100Time(text)).toBe(ms);
  });
});

describe('a push to events', () => {
  const param = {
    lastResult: {
      nu: 'SF1234567890',
      state: '3',
      data: [
        { context: '已签收', time: '2026-12-05 10:12:00', areaName: '广东,深圳市' },
        { context: '派件中', time: '2026-12-05 08:00:00', status: '派件' },
        { context: '坏时间', time: 'soon' },
      ],
    },
  };
  it('gives each item an event id from (number, time, text), stable across re-pushes', () => {
    const events = kuaidi100Events(param);
    expect(events.map((e) => [e.status, e.subStatus, e.occurredAt])).toEqual([
      ['Delivered', 'Delivered_001', Date.UTC(2026, 11, 5, 2, 12)],
      ['OutForDelivery', 'OutForDelivery_001', Date.UTC(2026, 11, 5, 0, 0)],
      ['InTransit', 'InTransit_001', 'bad time'],
    ]);
    expect(events[0]).toMatchObject({ eventId: kuaidi100EventId('SF1234567890', '2026-12-05 10:12:00', '已签收'), place: { province: '广东', city: '深圳市' }, description: '已签收' });
    expect(kuaidi100Events(param).map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
    expect(kuaidi100EventId('SF1', 'a', 'b')).not.toBe(kuaidi100EventId('SF1', 'a', 'c'));
  });
});

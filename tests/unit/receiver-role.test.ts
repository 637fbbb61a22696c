import { describe, expect, it } from 'vitest';
import { receiverRole } from '../../server/domain/tracking/receiver-role';

describe('receiverRole', () => {
  it.each([
    ['门卫王师傅', '门卫'],
    ['门卫', '门卫'],
    [' 本人 ', '本人'],
    ['菜鸟驿站', '菜鸟驿站'],
    ['驿站(科技园店)', '驿站'],
    ['快递柜 A12', '快递柜'],
    ['物业前台', '物业'],
    ['王小明', null],
    ['Li Wei', null],
    ['', null],
  ])('%s → %s', (receiver, role) => {
    expect(receiverRole(receiver)).toBe(role);
  });
});

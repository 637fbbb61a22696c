import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskStreet } from '../../server/domain/tracking/masking';
import { isLate } from '../../shared/tracking/lateness';

const promise = Date.UTC(2026, 10, 20, 15, 59, 59, 999); // end of 20 Nov in Shanghai

describe('isLate', () => {
  it.each([
    ['no promise', null, null, promise + 1e9, false],
    ['in flight before the promise', promise, null, promise - 1, false],
    ['in flight at the promise', promise, null, promise, false],
    ['in flight after the promise', promise, null, promise + 1, true],
    ['delivered on time, looked at later', promise, promise - 3600_000, promise + 1e9, false],
    ['delivered after the promise', promise, promise + 1, promise + 2, true],
    ['in a pickup locker before the promise, still uncollected', promise, promise - 3600_000, promise + 5 * 86_400_000, false],
    ['in a pickup locker only after the promise', promise, promise + 3600_000, promise + 2 * 3600_000, true],
  ])('%s', (_name, promisedBy, deliveredAt, now, expected) => {
    expect(isLate(promisedBy, deliveredAt, now)).toBe(expected);
  });
});

describe('masking', () => {
  it.each([
    ['张伟', '张*'],
    ['欧阳娜娜', '欧***'],
    ['Li Wei', 'L*****'],
    ['王', '王*'],
    ['', ''],
  ])('name %j → %j', (input, expected) => expect(maskName(input)).toBe(expected));

  it.each([
    ['13812345678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['1234', '**34'],
  ])('phone %j → %j', (input, expected) => expect(maskPhone(input)).toBe(expected));

  it.each([
    ['科技园南路88号创业大厦3栋1201', '科技园南路****'],
    ['建国路88号院3号楼1单元502', '建国路****'],
    ['88号', '88号****'],
  ])('street %j → %j', (input, expected) => {
    expect(maskStreet(input)).toBe(expected);
  });

  it('never keeps a house or flat number', () => {
    expect(maskStreet('科技园南路88号创业大厦3栋1201')).not.toMatch(/\d/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  isValidTrackingNo,
  luhnCheckDigit,
  makeTrackingNo,
  normalizeTrackingNo,
} from '../../shared/tracking/tracking-number';

describe('tracking numbers', () => {
  it.each([
    [0, 'DS00000000000'],
    [1, 'DS00000000018'],
    [1234, 'DS00000012344'],
    [9_999_999_999, 'DS99999999990'],
  ])('makes serial %i into %s', (serial, expected) => {
    expect(makeTrackingNo(serial)).toBe(expected);
    expect(isValidTrackingNo(expected)).toBe(true);
  });

  it.each([
    ['DS00000012345', 'wrong check digit'],
    ['DS0000001234', 'too short'],
    ['DS000000123444', 'too long'],
    ['SF00000012344', 'wrong prefix'],
    ['ds00000012344', 'lower case (normalise first)'],
    ['DS0000001234A', 'letter in digits'],
    ['', 'empty'],
    ['DS 00000012344', 'space inside (normalise first)'],
  ])('refuses %s (%s)', (value) => {
    expect(isValidTrackingNo(value)).toBe(false);
  });

  it('catches every single-digit typo', () => {
    const good = makeTrackingNo(4_071_532_118);
    for (let i = 2; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const typo = good.slice(0, i) + d + good.slice(i + 1);
        if (typo !== good) expect(isValidTrackingNo(typo), typo).toBe(false);
      }
    }
  });

  it.each([
    [' ds 0000-0012 344 ', 'DS00000012344'],
    ['DS00000012344', 'DS00000012344'],
    ['\tds00000012344\n', 'DS00000012344'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeTrackingNo(input)).toBe(expected);
    expect(isValidTrackingNo(normalizeTrackingNo(input))).toBe(true);
  });

  it('computes the Luhn digit of the classic example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });

  it.each([-1, 1.5, 10_000_000_000])('refuses serial %s', (serial) => {
    expect(() => makeTrackingNo(serial)).toThrow(RangeError);
  });
});

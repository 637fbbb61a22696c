import { describe, expect, it } from 'vitest';
import { judgeAttempt, waitInWords, type AttemptLimits, type AttemptPicture } from '../../server/domain/auth/attempt-limits';

const MIN = 60_000;
const limits: AttemptLimits = {
  windowMs: 15 * MIN,
  perPair: 5,
  perAddress: 20,
  spreadWindowMs: 60 * MIN,
  spreadBeforeSlowing: 20,
  slowedSpacingMs: 3 * MIN,
};
const now = 1_000 * MIN;
const quiet: AttemptPicture = {
  now,
  pair: { count: 1, oldestAt: now },
  address: { count: 1, oldestAt: now },
  subjectFailures: 1,
  lastOtherTryAt: null,
};

describe('judgeAttempt', () => {
  it.each<[string, Partial<AttemptPicture>, ReturnType<typeof judgeAttempt>]>([
    ['a first try', {}, { check: true }],
    ['the 5th try from one address at one subject', { pair: { count: 5, oldestAt: now - 2 * MIN } }, { check: true }],
    [
      'the 6th try from one address: wait until its oldest failure leaves the window',
      { pair: { count: 6, oldestAt: now - 5 * MIN } },
      { check: false, reason: 'device', retryAfterSeconds: 10 * 60 },
    ],
    ['the 20th failure from one address across subjects', { address: { count: 20, oldestAt: now } }, { check: true }],
    [
      'the 21st failure from one address across subjects',
      { address: { count: 21, oldestAt: now - 14 * MIN } },
      { check: false, reason: 'address', retryAfterSeconds: 60 },
    ],
    [
      'the longer wait wins when the pair and the address both refuse',
      { pair: { count: 6, oldestAt: now - 14 * MIN }, address: { count: 21, oldestAt: now - 1 * MIN } },
      { check: false, reason: 'address', retryAfterSeconds: 14 * 60 },
    ],
    ['many failures at the subject from elsewhere, and no one tried within the spacing', { subjectFailures: 500, lastOtherTryAt: null }, { check: true }],
    [
      'many failures at the subject from elsewhere, and someone tried a minute ago: slowed, not locked',
      { subjectFailures: 21, lastOtherTryAt: now - MIN },
      { check: false, reason: 'slowed', retryAfterSeconds: 2 * 60 },
    ],
    ['someone tried a minute ago but the subject is under the spread threshold', { subjectFailures: 20, lastOtherTryAt: now - MIN }, { check: true }],
    [
      'a parallel try recorded a moment later still holds the turn',
      { subjectFailures: 30, lastOtherTryAt: now + 5 },
      { check: false, reason: 'slowed', retryAfterSeconds: 181 },
    ],
    [
      'a wait never rounds down to zero',
      { pair: { count: 6, oldestAt: now - 15 * MIN + 10 } },
      { check: false, reason: 'device', retryAfterSeconds: 1 },
    ],
    [
      'another address’s failures alone never refuse this address while no one holds the turn',
      { pair: { count: 1, oldestAt: now }, address: { count: 1, oldestAt: now }, subjectFailures: 10_000, lastOtherTryAt: null },
      { check: true },
    ],
  ])('%s', (_name, change, verdict) => {
    expect(judgeAttempt(limits, { ...quiet, ...change })).toEqual(verdict);
  });
});

describe('waitInWords', () => {
  it.each([
    [1, '1 second'],
    [40, '40 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [180, '3 minutes'],
    [900, '15 minutes'],
  ])('%i s is "%s"', (seconds, words) => {
    expect(waitInWords(seconds)).toBe(words);
  });
});

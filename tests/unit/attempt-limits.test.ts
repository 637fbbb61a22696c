import { describe, expect, it } from 'vitest';
import { judgeAttempt, needsTurn, slowedUntil, waitInWords, type AttemptLimits, type AttemptPicture } from '../../server/domain/auth/attempt-limits';

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
};
const go = { check: true } as const;

describe('judgeAttempt', () => {
  it.each<[string, Partial<AttemptPicture>, ReturnType<typeof judgeAttempt>]>([
    ['a first try', {}, go],
    ['the 5th try from one address at one subject', { pair: { count: 5, oldestAt: now - 2 * MIN } }, go],
    [
      'the 6th try from one address: wait until its oldest failure leaves the window',
      { pair: { count: 6, oldestAt: now - 5 * MIN } },
      { check: false, reason: 'device', retryAfterSeconds: 10 * 60 },
    ],
    ['the 20th failure from one address across subjects', { address: { count: 20, oldestAt: now } }, go],
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
    [
      'a wait never rounds down to zero',
      { pair: { count: 6, oldestAt: now - 15 * MIN + 10 } },
      { check: false, reason: 'device', retryAfterSeconds: 1 },
    ],
  ])('%s', (_name, change, verdict) => {
    expect(judgeAttempt(limits, { ...quiet, ...change })).toEqual(verdict);
  });
});

describe('needsTurn: a subject guessed at from many addresses takes one try at a time', () => {
  it.each([
    ['20 failures at the subject (this one included): not yet slowed', { subjectFailures: 20, knownDevice: false }, false],
    ['21 failures: slowed, the try needs the subject’s turn', { subjectFailures: 21, knownDevice: false }, true],
    ['slowed, but this browser proved the secret before (device cookie): no turn needed', { subjectFailures: 10_000, knownDevice: true }, false],
  ])('%s', (_name, subject, expected) => {
    expect(needsTurn(limits, subject)).toBe(expected);
  });
});

describe('slowedUntil', () => {
  it.each([
    [now + 2 * MIN, 120],
    [now + 5, 1],
    [now - 5, 1],
  ])('the next turn at %i → Retry-After %i s', (at, seconds) => {
    expect(slowedUntil(at, now)).toEqual({ check: false, reason: 'slowed', retryAfterSeconds: seconds });
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

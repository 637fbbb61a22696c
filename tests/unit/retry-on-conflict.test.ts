import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/app-error';
import { isLostRace, retryOnConflict } from '../../server/db/retry-on-conflict';

const sqlError = (code: string) => Object.assign(new Error(`sql ${code}`), { code });
const quick = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

describe('what counts as a lost race', () => {
  it.each([
    [new AppError(503, 'concurrent_update', 'changed at the same moment'), true],
    [sqlError('40001'), true], // serialization failure
    [sqlError('40P01'), true], // deadlock detected
    [sqlError('23505'), false], // a unique key: a real conflict, not a race to rerun
    [new AppError(409, 'version_conflict', 'stale'), false],
    [new AppError(503, 'shutting_down', 'stopping'), false],
    [new Error('boom'), false],
    [null, false],
  ])('%s → %s', (err, expected) => {
    expect(isLostRace(err)).toBe(expected);
  });
});

describe('running a transaction again when it loses a race', () => {
  it('returns the first win after losses', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw sqlError('40P01');
      return 'kept';
    }, quick);
    expect(result).toBe('kept');
    expect(calls).toBe(3);
  });

  it('gives up after the policy\'s tries and throws the last loss', async () => {
    let calls = 0;
    const lost = new AppError(503, 'concurrent_update', 'again');
    await expect(retryOnConflict(async () => {
      calls++;
      throw lost;
    }, quick)).rejects.toBe(lost);
    expect(calls).toBe(4);
  });

  it('never reruns work that failed for another reason', async () => {
    let calls = 0;
    await expect(retryOnConflict(async () => {
      calls++;
      throw new AppError(422, 'invalid', 'bad');
    }, quick)).rejects.toMatchObject({ code: 'invalid' });
    expect(calls).toBe(1);
  });

  it('waits a random share of a ceiling that doubles per try', async () => {
    const ceilings: number[] = [];
    let calls = 0;
    const started = Date.now();
    await retryOnConflict(async () => {
      if (++calls < 4) throw sqlError('40001');
      return null;
    }, { attempts: 5, baseDelayMs: 10, maxDelayMs: 25 }, () => {
      ceilings.push(calls);
      return 1; // the whole ceiling: 10, 20, then 25 (capped)
    });
    expect(ceilings).toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20 + 25 - 5);
  });
});

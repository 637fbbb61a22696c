import { AppError } from '../app-error';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The ceiling of the first wait; it doubles per try up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

// Eight tries with waits growing from ~5 to 200 ms: twenty phones double-sending the same
// parcels through two instances settle within the first three or four.
export const CONFLICT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 5, maxDelayMs: 200 };

/**
 * A transaction that lost a race: PostgreSQL gave it up (serialization failure, deadlock), or
 * our own guard found a row changed under it (`concurrent_update`). Nothing of it was kept,
 * so running the same work again is safe — and it reads the winner's result this time.
 */
export function isLostRace(err: unknown): boolean {
  if (err instanceof AppError) return err.code === 'concurrent_update';
  const sqlState = (err as { code?: unknown } | null)?.code;
  return sqlState === '40001' || sqlState === '40P01';
}

/**
 * Runs `work` (one whole transaction, nothing outside the database in it) again when it loses
 * a race, waiting a random time under a doubling ceiling ("full jitter") so the losers do not
 * collide again in step. The last loss is thrown as is: the caller answers 503 then.
 */
export async function retryOnConflict<T>(
  work: () => Promise<T>,
  policy: RetryPolicy = CONFLICT_RETRY,
  random: () => number = Math.random,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isLostRace(err) || attempt >= policy.attempts) throw err;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, random() * ceiling));
    }
  }
}

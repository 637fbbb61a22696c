import type { Logger } from '../http/logger';

export interface PeriodicJob {
  /** Runs once now (waiting for a run already under way first); tests and start-up use it. */
  runNow(): Promise<void>;
  /** No new runs; resolves when the one under way, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Background work on a timer, one run at a time. State lives in the database, not here, so a
 * restart simply carries on where the last run stopped. The timer is unref'd: it never keeps
 * the process alive on its own.
 */
export function startPeriodicJob(name: string, intervalMs: number, run: () => Promise<unknown>, logger: Logger): PeriodicJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const once = (): Promise<void> => {
    running ??= run()
      .then(() => undefined)
      .catch((err: unknown) => logger.error(`${name} failed`, err))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped && !running) void once();
  }, intervalMs);
  timer.unref();
  return {
    runNow: async () => {
      if (running) await running;
      await once();
    },
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}

import { FIRST_RETRY_MS, retryDelayMs } from './sync-backoff';
import { requestBackgroundSync } from './sync-background-registration';
import { runCourierSync, type SyncRunOutcome } from './sync-engine';

/** What the page's sender is doing, for the strip at the top of the courier's screens. */
export type SyncActivity =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'waiting_to_retry'; retryAt: number }
  | { kind: 'paused' };

export interface SyncScheduler {
  /** Send now (a report was saved, the courier tapped "send", sign-in succeeded). */
  syncNow(): void;
  stop(): void;
}

/**
 * The page's triggers for the sync engine: opening, `online`, becoming visible, an explicit
 * request, and a back-off timer after failures (2 s doubling to 5 min, reset by success or by
 * a new network). None depends on Background Sync, which only adds the worker's chance.
 */
export function startSyncScheduler(onActivity: (activity: SyncActivity, outcome?: SyncRunOutcome) => void): SyncScheduler {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let runAgain = false;
  let stopped = false;

  function clearTimer() {
    clearTimeout(timer);
    timer = undefined;
  }

  function retryIn(ms: number, outcome: SyncRunOutcome) {
    clearTimer();
    timer = setTimeout(() => void run(), ms);
    onActivity({ kind: 'waiting_to_retry', retryAt: Date.now() + ms }, outcome);
  }

  async function run(): Promise<void> {
    if (stopped) return;
    // A report saved mid-run was not in the list this run read: go round once more after it.
    if (running) {
      runAgain = true;
      return;
    }
    running = true;
    clearTimer();
    onActivity({ kind: 'sending' });
    let outcome: SyncRunOutcome;
    try {
      outcome = await runCourierSync();
    } catch (error) {
      console.warn('Courier sync failed; will retry', error);
      outcome = { kind: 'retry_later', settled: 0, problems: 0 };
    }
    running = false;
    if (stopped) return;
    settle(outcome);
    if (runAgain) {
      runAgain = false;
      void run();
    }
  }

  function settle(outcome: SyncRunOutcome) {
    switch (outcome.kind) {
      case 'retry_later':
        failures += 1;
        retryIn(retryDelayMs(failures), outcome);
        void requestBackgroundSync();
        break;
      case 'busy':
        // Someone else is sending; look again shortly without counting it as a failure.
        retryIn(FIRST_RETRY_MS, outcome);
        break;
      case 'paused':
        failures = 0;
        onActivity({ kind: 'paused' }, outcome);
        return;
      default:
        failures = 0;
        onActivity({ kind: 'idle' }, outcome);
        return;
    }
  }

  const onOnline = () => {
    // A new network: the old back-off says nothing about it.
    failures = 0;
    void run();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') void run();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  void run();

  return {
    syncNow: () => void run(),
    stop() {
      stopped = true;
      clearTimer();
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

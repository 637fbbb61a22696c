/**
 * Asks for a quote a moment after the customer stops changing the form, and only the latest
 * question's answer counts: a slow answer to an older draft never overwrites a newer one, and
 * its request is aborted. No Vue in here, so it is tested with fake timers.
 */

export type QuoteOutcome<R> = { ok: true; result: R } | { ok: false; error: unknown };

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface LatestQuoteScheduler<Q> {
  /** A new question (null: nothing to ask); replaces any waiting or running one. */
  ask(question: Q | null): void;
  /** Ask the current question again now (after a failure). */
  retry(): void;
  dispose(): void;
}

export function latestQuoteScheduler<Q, R>(options: {
  delayMs: number;
  fetch: (question: Q, signal: AbortSignal) => Promise<R>;
  /** Called with the latest question's outcome only. */
  settled: (question: Q, outcome: QuoteOutcome<R>) => void;
  /** Called when a question starts waiting or running, so the screen can say "updating". */
  started?: (question: Q | null) => void;
  timers?: Timers;
}): LatestQuoteScheduler<Q> {
  const timers: Timers = options.timers ?? {
    setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  let running: AbortController | null = null;
  let current: Q | null = null;
  let generation = 0;

  const stop = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    running?.abort();
    running = null;
  };

  const run = (question: Q, mine: number) => {
    timer = null;
    const controller = new AbortController();
    running = controller;
    options.fetch(question, controller.signal).then(
      (result) => mine === generation && options.settled(question, { ok: true, result }),
      (error: unknown) => mine === generation && options.settled(question, { ok: false, error }),
    ).finally(() => {
      if (running === controller) running = null;
    });
  };

  const schedule = (delayMs: number) => {
    stop();
    const mine = ++generation;
    const question = current;
    options.started?.(question);
    if (question === null) return;
    if (delayMs === 0) run(question, mine);
    else timer = timers.setTimeout(() => run(question, mine), delayMs);
  };

  return {
    ask(question) {
      current = question;
      schedule(options.delayMs);
    },
    retry() {
      schedule(0);
    },
    dispose() {
      generation++;
      stop();
    },
  };
}

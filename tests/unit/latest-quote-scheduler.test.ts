import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestQuoteScheduler, type QuoteOutcome } from '../../client/components/returns/latest-quote-scheduler';

/** A fetch whose answers the test releases one by one, in any order. */
function controllableFetch() {
  const calls: { question: string; signal: AbortSignal; answer: (r: string) => void; fail: (e: unknown) => void }[] = [];
  const fetch = (question: string, signal: AbortSignal) =>
    new Promise<string>((answer, fail) => {
      calls.push({ question, signal, answer, fail });
    });
  return { calls, fetch };
}

describe('the live quote: debounced, and the latest question wins', () => {
  let settled: [string, QuoteOutcome<string>][];
  let started: (string | null)[];
  beforeEach(() => {
    vi.useFakeTimers();
    settled = [];
    started = [];
  });
  afterEach(() => vi.useRealTimers());

  const make = (fetch: (q: string, s: AbortSignal) => Promise<string>) =>
    latestQuoteScheduler<string, string>({ delayMs: 300, fetch, settled: (q, o) => settled.push([q, o]), started: (q) => started.push(q) });

  it('asks once for a burst of changes, after the customer pauses', async () => {
    const { calls, fetch } = controllableFetch();
    const scheduler = make(fetch);
    scheduler.ask('1 unit');
    vi.advanceTimersByTime(100);
    scheduler.ask('2 units');
    vi.advanceTimersByTime(100);
    scheduler.ask('3 units');
    vi.advanceTimersByTime(299);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.question)).toEqual(['3 units']);
    calls[0]!.answer('¥30');
    await vi.runAllTimersAsync();
    expect(settled).toEqual([['3 units', { ok: true, result: '¥30' }]]);
    expect(started).toEqual(['1 unit', '2 units', '3 units']);
  });

  it('drops and aborts an older answer that arrives after a newer question', async () => {
    const { calls, fetch } = controllableFetch();
    const scheduler = make(fetch);
    scheduler.ask('pickup');
    vi.advanceTimersByTime(300);
    scheduler.ask('drop-off');
    expect(calls[0]!.signal.aborted).toBe(true);
    vi.advanceTimersByTime(300);
    calls[1]!.answer('¥40');
    calls[0]!.answer('¥30');
    await vi.runAllTimersAsync();
    expect(settled).toEqual([['drop-off', { ok: true, result: '¥40' }]]);
  });

  it('reports a failure of the latest question, and retries it at once', async () => {
    const { calls, fetch } = controllableFetch();
    const scheduler = make(fetch);
    scheduler.ask('q');
    vi.advanceTimersByTime(300);
    calls[0]!.fail(new Error('offline'));
    await vi.runAllTimersAsync();
    expect(settled[0]![1].ok).toBe(false);
    scheduler.retry();
    expect(calls).toHaveLength(2);
    calls[1]!.answer('¥10');
    await vi.runAllTimersAsync();
    expect(settled[1]).toEqual(['q', { ok: true, result: '¥10' }]);
  });

  it('asks nothing for an empty question, and forgets the one before', async () => {
    const { calls, fetch } = controllableFetch();
    const scheduler = make(fetch);
    scheduler.ask('q');
    scheduler.ask(null);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(0);
    expect(started).toEqual(['q', null]);
  });

  it('stays quiet after it is disposed (the page was left)', async () => {
    const { calls, fetch } = controllableFetch();
    const scheduler = make(fetch);
    scheduler.ask('q');
    vi.advanceTimersByTime(300);
    scheduler.dispose();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.answer('¥10');
    await vi.runAllTimersAsync();
    expect(settled).toEqual([]);
  });
});

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { readMeta, openCourierDb } from '../offline/courier-db';
import type { KeptProblem, OutboxEntry } from '../offline/outbox-records';
import { type DraftImage, type ReportDraft, queueReport } from '../offline/outbox-queue';
import { dismissProblem, listProblems, listWaitingReports, readSyncPause } from '../offline/outbox-store';
import { requestBackgroundSync } from '../offline/sync-background-registration';
import { type SyncActivity, type SyncScheduler, startSyncScheduler } from '../offline/sync-scheduler';
import { announceOutboxChange, listenForOutboxChanges } from '../offline/sync-signals';
import { useCourierSessionStore } from './courier-session';

/**
 * The outbox as the screens show it: what waits, what the server refused, and what the
 * sender is doing. IndexedDB is the truth; this store re-reads it whenever any context
 * (this page, another tab, the service worker) announces a change.
 */
export const useCourierOutboxStore = defineStore('courier-outbox', () => {
  const session = useCourierSessionStore();
  const waiting = shallowRef<OutboxEntry[]>([]);
  const problems = shallowRef<KeptProblem[]>([]);
  const activity = ref<SyncActivity>({ kind: 'idle' });
  const clockSkewMs = ref<number | null>(null);
  const lastSyncedAt = ref<number | null>(null);
  /** Bumped whenever a run settled reports, so the manifest can fetch the server's new state. */
  const settledRuns = ref(0);
  const loaded = ref(false);

  let scheduler: SyncScheduler | null = null;
  let stopListening: (() => void) | null = null;

  const openProblems = computed(() => problems.value.filter((p) => p.dismissedAt === null).sort((a, b) => b.receivedAt - a.receivedAt));
  const dismissedProblems = computed(() =>
    problems.value.filter((p) => p.dismissedAt !== null).sort((a, b) => (b.dismissedAt ?? 0) - (a.dismissedAt ?? 0)),
  );

  async function reload(): Promise<void> {
    const db = await openCourierDb();
    const [entries, kept, pause, skew, syncedAt] = await Promise.all([
      listWaitingReports(db),
      listProblems(db),
      readSyncPause(db),
      readMeta(db, 'clockSkewMs'),
      readMeta(db, 'lastSyncedAt'),
    ]);
    waiting.value = entries;
    problems.value = kept;
    clockSkewMs.value = skew ?? null;
    lastSyncedAt.value = syncedAt ?? null;
    loaded.value = true;
    if (pause) session.markSessionExpired();
  }

  /** Starts the page's sender; safe to call again. */
  function start(): void {
    if (scheduler) return;
    stopListening = listenForOutboxChanges(() => void reload());
    void reload();
    scheduler = startSyncScheduler((next, outcome) => {
      activity.value = next;
      if (next.kind === 'paused') session.markSessionExpired();
      if (outcome && 'settled' in outcome && outcome.settled + outcome.problems > 0) settledRuns.value += 1;
    });
  }

  function stop(): void {
    scheduler?.stop();
    scheduler = null;
    stopListening?.();
    stopListening = null;
  }

  /** Resolves once the report is on disk; only then may the screen say "saved". */
  async function saveReport(draft: ReportDraft, images: readonly DraftImage[]): Promise<OutboxEntry> {
    const entry = await queueReport(draft, images);
    await reload();
    announceOutboxChange();
    scheduler?.syncNow();
    void requestBackgroundSync();
    return entry;
  }

  function syncNow(): void {
    scheduler?.syncNow();
  }

  async function dismiss(id: string): Promise<void> {
    await dismissProblem(id, Date.now());
    await reload();
    announceOutboxChange();
  }

  return { waiting, problems, openProblems, dismissedProblems, activity, clockSkewMs, lastSyncedAt, settledRuns, loaded, reload, start, stop, saveReport, syncNow, dismiss };
});

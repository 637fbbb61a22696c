import { describe, expect, it } from 'vitest';
import { syncSummary, syncSummaryTone } from '../../client/components/courier/courier-sync-summary';
import type { SyncActivity } from '../../client/offline/sync-scheduler';

const idle: SyncActivity = { kind: 'idle' };
const sending: SyncActivity = { kind: 'sending' };
const retrying: SyncActivity = { kind: 'waiting_to_retry', retryAt: 0 };
const paused: SyncActivity = { kind: 'paused' };

describe('the sync strip', () => {
  it.each([
    [{ loaded: true, waiting: 0, activity: idle, online: true, needsSignIn: false }, 'all_sent', 'delivered'],
    [{ loaded: true, waiting: 3, activity: sending, online: true, needsSignIn: false }, 'sending', 'progress'],
    [{ loaded: true, waiting: 3, activity: retrying, online: true, needsSignIn: false }, 'retrying', 'progress'],
    [{ loaded: true, waiting: 3, activity: idle, online: true, needsSignIn: false }, 'waiting', 'progress'],
    [{ loaded: true, waiting: 5, activity: retrying, online: false, needsSignIn: false }, 'offline_waiting', 'offline'],
    [{ loaded: true, waiting: 0, activity: idle, online: false, needsSignIn: false }, 'offline_all_sent', 'offline'],
    [{ loaded: true, waiting: 2, activity: paused, online: true, needsSignIn: false }, 'signed_out', 'attention'],
    [{ loaded: true, waiting: 2, activity: idle, online: false, needsSignIn: true }, 'signed_out', 'attention'],
    // The outbox is not read yet: no count, and no "all sent" either.
    [{ loaded: false, waiting: 0, activity: idle, online: true, needsSignIn: false }, 'reading', 'progress'],
    [{ loaded: false, waiting: 0, activity: idle, online: false, needsSignIn: false }, 'reading', 'progress'],
    // Nothing waits, so an expired session costs nothing yet: the banner says the rest.
    [{ loaded: true, waiting: 0, activity: paused, online: true, needsSignIn: true }, 'all_sent', 'delivered'],
  ] as const)('%j → %s', (state, summary, tone) => {
    expect(syncSummary(state)).toBe(summary);
    expect(syncSummaryTone(syncSummary(state))).toBe(tone);
  });
});

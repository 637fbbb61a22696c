import { describe, expect, it } from 'vitest';
import { syncSummary, syncSummaryTone } from '../../client/components/courier/courier-sync-summary';
import type { SyncActivity } from '../../client/offline/sync-scheduler';

const idle: SyncActivity = { kind: 'idle' };
const sending: SyncActivity = { kind: 'sending' };
const retrying: SyncActivity = { kind: 'waiting_to_retry', retryAt: 0 };
const paused: SyncActivity = { kind: 'paused' };

describe('the sync strip', () => {
  it.each([
    [{ waiting: 0, activity: idle, online: true, needsSignIn: false }, 'all_sent', 'delivered'],
    [{ waiting: 3, activity: sending, online: true, needsSignIn: false }, 'sending', 'progress'],
    [{ waiting: 3, activity: retrying, online: true, needsSignIn: false }, 'retrying', 'progress'],
    [{ waiting: 3, activity: idle, online: true, needsSignIn: false }, 'waiting', 'progress'],
    [{ waiting: 5, activity: retrying, online: false, needsSignIn: false }, 'offline_waiting', 'offline'],
    [{ waiting: 0, activity: idle, online: false, needsSignIn: false }, 'offline_all_sent', 'offline'],
    [{ waiting: 2, activity: paused, online: true, needsSignIn: false }, 'signed_out', 'attention'],
    [{ waiting: 2, activity: idle, online: false, needsSignIn: true }, 'signed_out', 'attention'],
    // Nothing waits, so an expired session costs nothing yet: the banner says the rest.
    [{ waiting: 0, activity: paused, online: true, needsSignIn: true }, 'all_sent', 'delivered'],
  ] as const)('%j → %s', (state, summary, tone) => {
    expect(syncSummary(state)).toBe(summary);
    expect(syncSummaryTone(syncSummary(state))).toBe(tone);
  });
});

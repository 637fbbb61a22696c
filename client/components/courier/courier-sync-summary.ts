import type { SyncActivity } from '../../offline/sync-scheduler';

/** The one line the sync strip shows, in order of what the courier most needs to know. */
export type SyncSummary =
  | 'reading'
  | 'signed_out'
  | 'offline_waiting'
  | 'offline_all_sent'
  | 'sending'
  | 'retrying'
  | 'waiting'
  | 'all_sent';

export function syncSummary(state: { loaded: boolean; waiting: number; activity: SyncActivity; online: boolean; needsSignIn: boolean }): SyncSummary {
  const { loaded, waiting, activity, online, needsSignIn } = state;
  // Until the phone's outbox has been read, "all sent" would be a claim nobody checked.
  if (!loaded) return 'reading';
  if (waiting > 0 && (needsSignIn || activity.kind === 'paused')) return 'signed_out';
  if (!online) return waiting > 0 ? 'offline_waiting' : 'offline_all_sent';
  if (waiting === 0) return 'all_sent';
  if (activity.kind === 'sending') return 'sending';
  if (activity.kind === 'waiting_to_retry') return 'retrying';
  return 'waiting';
}

/** The strip's colour: calm when all is sent, a warning when the courier has to act. */
export function syncSummaryTone(summary: SyncSummary): 'delivered' | 'progress' | 'attention' | 'offline' {
  switch (summary) {
    case 'all_sent':
      return 'delivered';
    case 'signed_out':
      return 'attention';
    case 'offline_waiting':
    case 'offline_all_sent':
      return 'offline';
    default:
      return 'progress';
  }
}

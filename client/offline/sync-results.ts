import type { SyncResult } from '../../shared/courier/courier-report';
import { imageIdsOf } from './sync-batches';
import type { KeptProblem, OutboxEntry } from './outbox-records';

/** What to do with a sent batch once the server has answered. */
export interface SettlementPlan {
  /** Applied now or before (duplicate): done, leave the outbox. */
  remove: string[];
  /** Conflict or rejected: out of the outbox into the kept problems. */
  problems: KeptProblem[];
  /** No answer for them (or one this app does not know): they stay and go again. */
  keep: string[];
}

export function problemFor(
  entry: Pick<OutboxEntry, 'id' | 'trackingNo' | 'report'>,
  refusal: { outcome: KeptProblem['outcome']; code: string; message: string; serverVersion?: number | null },
  receivedAt: number,
): KeptProblem {
  return {
    id: entry.id,
    trackingNo: entry.trackingNo,
    report: entry.report,
    outcome: refusal.outcome,
    code: refusal.code,
    message: refusal.message,
    serverVersion: refusal.serverVersion ?? null,
    receivedAt,
    dismissedAt: null,
  };
}

/** Sorts each sent report by its own answer; a report without one is never assumed done. */
export function planSettlement(sent: readonly OutboxEntry[], results: readonly SyncResult[], receivedAt: number): SettlementPlan {
  const byId = new Map(results.map((result) => [result.id, result]));
  const plan: SettlementPlan = { remove: [], problems: [], keep: [] };
  for (const entry of sent) {
    const result = byId.get(entry.id);
    switch (result?.outcome) {
      case 'applied':
      case 'duplicate':
        plan.remove.push(entry.id);
        break;
      case 'conflict':
      case 'rejected':
        plan.problems.push(
          problemFor(entry, { outcome: result.outcome, code: result.code, message: result.message, serverVersion: result.shipmentVersion }, receivedAt),
        );
        break;
      default:
        plan.keep.push(entry.id);
    }
  }
  return plan;
}

/** Images that no report still waiting in the outbox points at: safe to delete from the phone. */
export function imagesFreeToDelete(candidates: readonly string[], stillWaiting: readonly Pick<OutboxEntry, 'report'>[]): string[] {
  const needed = new Set(stillWaiting.flatMap((entry) => imageIdsOf(entry.report)));
  return [...new Set(candidates)].filter((id) => !needed.has(id));
}

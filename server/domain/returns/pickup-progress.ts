import type { Kysely } from 'kysely';
import type { TrackingStatus } from '../../../shared/tracking/statuses';
import { AppError } from '../../app-error';
import type { Database } from '../../db/schema';
import { findReturnById, insertReturnEvent, moveReturn } from './return-repository';

/** A courier's applied report on a return leg, as the sync batch saw it. */
export interface PickupReport {
  returnId: number;
  status: TrackingStatus;
  occurredAt: number;
  courierId: number;
  reasonCode: string | null;
}

/**
 * Carries a courier's pickup reports over to their returns, in the sync batch's transaction:
 * collected → the return is picked up; a failed pickup goes on the return's timeline with its
 * reason, and the stop stays on the manifest for another try.
 */
export async function applyPickupReports(trx: Kysely<Database>, reports: readonly PickupReport[]): Promise<void> {
  for (const report of reports) {
    const ret = await findReturnById(trx, report.returnId);
    if (!ret || ret.status !== 'pickup_scheduled') continue;
    const actor = { type: 'courier' as const, id: report.courierId };
    if (report.status === 'InTransit') {
      await moveReturn(trx, ret, 'picked_up', { at: report.occurredAt, actor }).catch((err: unknown) => {
        // The customer cancelled at this very moment (PostgreSQL): the phone sends the batch again.
        if (err instanceof AppError && err.status === 409) throw new AppError(503, 'concurrent_update', 'A return in this batch changed at the same moment; send it again', 1);
        throw err;
      });
    } else if (report.status === 'AttemptFail' || report.status === 'Exception') {
      await insertReturnEvent(trx, { returnId: ret.id, status: 'pickup_scheduled', at: report.occurredAt, actor, fact: 'pickup_failed', reasonCode: report.reasonCode ?? null });
    }
  }
}

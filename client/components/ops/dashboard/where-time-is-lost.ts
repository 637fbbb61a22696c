import type { ProcessEdge, Stage, StageTimeRow } from '../../../../shared/api/ops-analytics';

/**
 * What the dashboard's first line says: where parcels wait longest. Two views of one question,
 * so a manager gets both the "between which two steps" (the process map's slowest transition,
 * which the server picks among transitions common enough to matter) and the "in which stage"
 * (the stage with the longest median among those with any parcels).
 */
export interface TimeLoss {
  edge: Pick<ProcessEdge, 'from' | 'to' | 'count' | 'medianMs' | 'p90Ms' | 'rework'> | null;
  stage: { stage: Stage; medianMs: number; p90Ms: number; count: number } | null;
}

export function slowestStage(rows: readonly StageTimeRow[]): TimeLoss['stage'] {
  let slowest: TimeLoss['stage'] = null;
  for (const row of rows) {
    if (row.count === 0 || row.medianMs === null || row.p90Ms === null) continue;
    // Ties keep the earlier stage: the first place a parcel would wait.
    if (!slowest || row.medianMs > slowest.medianMs) slowest = { stage: row.stage, medianMs: row.medianMs, p90Ms: row.p90Ms, count: row.count };
  }
  return slowest;
}

export function whereTimeIsLost(stageTimes: readonly StageTimeRow[], edges: readonly ProcessEdge[] | null): TimeLoss {
  const edge = edges?.find((e) => e.slowest) ?? null;
  return {
    edge: edge ? { from: edge.from, to: edge.to, count: edge.count, medianMs: edge.medianMs, p90Ms: edge.p90Ms, rework: edge.rework } : null,
    stage: slowestStage(stageTimes),
  };
}

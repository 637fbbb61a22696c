import { fitHoltWinters, projectHoltWinters, SEASON, type HoltWintersParams } from './holt-winters';

/**
 * One SKU's forecast in one warehouse, choosing the method by what the history allows:
 * - 'zero': no history or nothing ever sold — forecast zeros;
 * - 'ses': fewer than two weeks — simple exponential smoothing (no trend, no season), alpha
 *   by the same grid search;
 * - 'holt-winters': otherwise — additive Holt-Winters, (alpha, beta, gamma, phi) by a small
 *   grid search minimising the one-step-ahead squared error. Ties keep the earlier grid
 *   point, so the choice is deterministic.
 */
export type ForecastMethod = 'zero' | 'ses' | 'holt-winters';

export interface Forecast {
  method: ForecastMethod;
  values: number[];
  params: HoltWintersParams | null;
}

const ALPHAS = [0.1, 0.2, 0.4, 0.6, 0.8];
const GAMMAS = [0.05, 0.15, 0.3];
/** [beta, phi]: no trend, then a damped and an undamped trend at two speeds. */
const TRENDS: [number, number][] = [
  [0, 0],
  [0.05, 0.9],
  [0.2, 0.9],
  [0.05, 1],
  [0.2, 1],
];

export const HOLT_WINTERS_GRID: HoltWintersParams[] = ALPHAS.flatMap((alpha) =>
  TRENDS.flatMap(([beta, phi]) => GAMMAS.map((gamma) => ({ alpha, beta, gamma, phi }))),
);

/** Simple exponential smoothing: its level after the series, and the one-step squared error. */
export function simpleSmoothing(series: readonly number[], alpha: number): { level: number; sse: number } {
  let level = series[0] ?? 0;
  let sse = 0;
  for (let t = 1; t < series.length; t++) {
    sse += (series[t]! - level) ** 2;
    level = alpha * series[t]! + (1 - alpha) * level;
  }
  return { level, sse };
}

export function forecastDemand(series: readonly number[], horizon: number): Forecast {
  if (series.length === 0 || series.every((y) => y === 0)) return { method: 'zero', values: new Array<number>(horizon).fill(0), params: null };
  if (series.length < 2 * SEASON) {
    let best = { alpha: ALPHAS[0]!, ...simpleSmoothing(series, ALPHAS[0]!) };
    for (const alpha of ALPHAS.slice(1)) {
      const fit = simpleSmoothing(series, alpha);
      if (fit.sse < best.sse) best = { alpha, ...fit };
    }
    return { method: 'ses', values: new Array<number>(horizon).fill(Math.max(0, best.level)), params: { alpha: best.alpha, beta: 0, gamma: 0, phi: 0 } };
  }
  let bestParams = HOLT_WINTERS_GRID[0]!;
  let bestState = fitHoltWinters(series, bestParams);
  for (const params of HOLT_WINTERS_GRID.slice(1)) {
    const state = fitHoltWinters(series, params);
    if (state.sse < bestState.sse - 1e-9) {
      bestParams = params;
      bestState = state;
    }
  }
  return { method: 'holt-winters', values: projectHoltWinters(bestState, bestParams.phi, horizon), params: bestParams };
}

/** Seasonal naive: each day as the same weekday last week; with less than a week, the last day. */
export function seasonalNaive(series: readonly number[], horizon: number): number[] {
  const n = series.length;
  if (n === 0) return new Array<number>(horizon).fill(0);
  return Array.from({ length: horizon }, (_, k) => (n < SEASON ? series[n - 1]! : series[n - SEASON + (k % SEASON)]!));
}

/**
 * Additive Holt-Winters over a daily demand series with a weekly season (7 days): a level,
 * a trend (none, or damped by phi; phi = 1 is the plain linear trend) and seven seasonal
 * offsets. Pure and deterministic: the same series always gives the same forecast.
 *
 * Start-up uses the first two weeks: the trend is the difference of their means over 7, the
 * level is the first week's mean carried to its last day, and each weekday's offset is what
 * is left of that day after level and trend. A constant, a straight line or a pure weekly
 * pattern is therefore reproduced exactly, whatever the smoothing parameters.
 */
export const SEASON = 7;

export interface HoltWintersParams {
  alpha: number;
  /** 0 with trend 'none'. */
  beta: number;
  gamma: number;
  /** Trend damping: 1 is undamped, 0 is no trend at all. */
  phi: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  /** Offsets of the last seven days, oldest first: season[0] belongs to the next day. */
  season: number[];
  /** Sum of the squared one-step-ahead errors over the days after the start-up week. */
  sse: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The state after the start-up week (needs at least 14 days). */
export function initialState(series: readonly number[], phi: number): HoltWintersState {
  if (series.length < 2 * SEASON) throw new Error('Holt-Winters needs two weeks of history');
  const first = series.slice(0, SEASON);
  const m1 = mean(first);
  const trend = phi === 0 ? 0 : (mean(series.slice(SEASON, 2 * SEASON)) - m1) / SEASON;
  const mid = (SEASON - 1) / 2;
  const level = m1 + trend * mid;
  const season = first.map((y, i) => y - (m1 + trend * (i - mid)));
  return { level, trend, season, sse: 0 };
}

/** One day's update (the textbook error-correction form); returns the new state. */
export function updateState(state: HoltWintersState, y: number, p: HoltWintersParams): HoltWintersState {
  const [s, ...rest] = state.season;
  const predicted = state.level + p.phi * state.trend + s!;
  const level = p.alpha * (y - s!) + (1 - p.alpha) * (state.level + p.phi * state.trend);
  const trend = p.phi === 0 ? 0 : p.beta * (level - state.level) + (1 - p.beta) * p.phi * state.trend;
  const seasonNew = p.gamma * (y - level) + (1 - p.gamma) * s!;
  return { level, trend, season: [...rest, seasonNew], sse: state.sse + (y - predicted) ** 2 };
}

/** Runs the whole series: start-up on the first week, updates from day 7 on. */
export function fitHoltWinters(series: readonly number[], p: HoltWintersParams): HoltWintersState {
  let state = initialState(series, p.phi);
  for (let t = SEASON; t < series.length; t++) state = updateState(state, series[t]!, p);
  return state;
}

/** The next `horizon` days, never below zero. */
export function projectHoltWinters(state: HoltWintersState, phi: number, horizon: number): number[] {
  const out: number[] = [];
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += phi ** h;
    out.push(Math.max(0, state.level + damp * state.trend + state.season[(h - 1) % SEASON]!));
  }
  return out;
}

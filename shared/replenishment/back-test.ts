import { SEASON } from './holt-winters';

export type Forecaster = (history: readonly number[], horizon: number) => number[];

export interface BackTest {
  /** How many (origin, day ahead) pairs were compared. */
  points: number;
  mae: number;
  /**
   * MAE over the scale: the mean |y(d) − y(d − 7)| over the very same forecast days, i.e.
   * the in-sample seasonal-naive error on the days scored. Seasonal-naive itself therefore
   * scores exactly 1 (for horizons up to a week), a perfect forecast 0. Null when the
   * scale is 0 (a series whose every week repeats exactly).
   */
  mase: number | null;
}

/**
 * Rolling origin: for each day t from `minHistory` while t + horizon fits, fit on days
 * [0, t), forecast `horizon` days, compare with days [t, t + horizon).
 */
export function backTest(series: readonly number[], forecaster: Forecaster, horizon: number, minHistory = 2 * SEASON): BackTest {
  let errors = 0;
  let scale = 0;
  let points = 0;
  for (let t = Math.max(minHistory, SEASON); t + horizon <= series.length; t++) {
    const forecast = forecaster(series.slice(0, t), horizon);
    for (let k = 0; k < horizon; k++) {
      errors += Math.abs(series[t + k]! - forecast[k]!);
      scale += Math.abs(series[t + k]! - series[t + k - SEASON]!);
      points++;
    }
  }
  if (points === 0) return { points: 0, mae: 0, mase: null };
  return { points, mae: errors / points, mase: scale === 0 ? null : errors / scale };
}

import { describe, expect, it } from 'vitest';
import { backTest } from '../../shared/replenishment/back-test';
import { forecastDemand, seasonalNaive } from '../../shared/replenishment/forecast';
import { fitHoltWinters, initialState, projectHoltWinters, updateState } from '../../shared/replenishment/holt-winters';

const days = (n: number, f: (t: number) => number) => Array.from({ length: n }, (_, t) => f(t));
const WEEK = [0, 1, 2, 3, 4, 10, 12];
const closeTo = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 9));
};

describe('forecastDemand: series with known answers', () => {
  it.each([
    { name: 'a constant forecasts the constant', series: days(28, () => 5), method: 'holt-winters', next: days(7, () => 5) },
    { name: 'a straight line is continued', series: days(28, (t) => 2 + 0.5 * t), method: 'holt-winters', next: days(7, (k) => 2 + 0.5 * (28 + k)) },
    { name: 'a pure weekly pattern repeats exactly', series: days(28, (t) => WEEK[t % 7]!), method: 'holt-winters', next: WEEK },
    { name: 'weekly pattern on a trend: both continue', series: days(35, (t) => 20 + t + WEEK[t % 7]!), method: 'holt-winters', next: days(7, (k) => 20 + 35 + k + WEEK[k]!) },
    { name: 'a falling line stops at zero, never negative', series: days(28, (t) => 30 - t), method: 'holt-winters', next: [2, 1, 0, 0, 0, 0, 0] },
    { name: 'nothing sold: zeros', series: days(40, () => 0), method: 'zero', next: days(7, () => 0) },
    { name: 'no history: zeros', series: [], method: 'zero', next: days(7, () => 0) },
    { name: 'under two weeks: simple smoothing of a constant', series: days(10, () => 3), method: 'ses', next: days(7, () => 3) },
  ])('$name', ({ series, method, next }) => {
    const forecast = forecastDemand(series, 7);
    expect(forecast.method).toBe(method);
    closeTo(forecast.values, next);
  });

  it('under two weeks: simple smoothing, ties keeping the first alpha (hand-checked on 1, 1, 4)', () => {
    // One-step errors are 0 then 3 whatever alpha is — a tie — so alpha 0.1 is kept: 1 + 0.1 × 3 = 1.3.
    const forecast = forecastDemand([1, 1, 4], 2);
    expect(forecast.params?.alpha).toBe(0.1);
    closeTo(forecast.values, [1.3, 1.3]);
  });
});

describe('Holt-Winters updates, computed by hand', () => {
  const params = { alpha: 0.5, beta: 0.5, gamma: 0.5, phi: 1 };

  it('start-up: first week mean carried to its last day, trend from the two weeks, offsets what is left', () => {
    // weeks [1..7] and [8..14]: means 4 and 11 → trend 1, level 4 + 3 × 1 = 7, offsets 0.
    const state = initialState(days(14, (t) => t + 1), 1);
    expect(state).toEqual({ level: 7, trend: 1, season: [0, 0, 0, 0, 0, 0, 0], sse: 0 });
  });

  it('one update with trend: y = 9 where 8 was expected', () => {
    const next = updateState({ level: 7, trend: 1, season: [0, 0, 0, 0, 0, 0, 0], sse: 0 }, 9, params);
    // predicted 7 + 1 + 0 = 8; level 0.5 × 9 + 0.5 × 8 = 8.5; trend 0.5 × 1.5 + 0.5 × 1 = 1.25; offset 0.5 × 0.5 = 0.25.
    expect(next).toEqual({ level: 8.5, trend: 1.25, season: [0, 0, 0, 0, 0, 0, 0.25], sse: 1 });
    closeTo(projectHoltWinters(next, 1, 2), [9.75, 11]);
  });

  it('one update without trend: the weekday offset moves half way', () => {
    // weeks [1..7] twice: level 4, offsets −3..3; day 15 (a "Monday") sells 3 where 1 was expected.
    const state = fitHoltWinters(days(14, (t) => (t % 7) + 1), { alpha: 0.5, beta: 0, gamma: 0.5, phi: 0 });
    expect(state).toEqual({ level: 4, trend: 0, season: [-3, -2, -1, 0, 1, 2, 3], sse: 0 });
    const next = updateState(state, 3, { alpha: 0.5, beta: 0, gamma: 0.5, phi: 0 });
    // level 0.5 × (3 + 3) + 0.5 × 4 = 5; offset 0.5 × (3 − 5) + 0.5 × (−3) = −2.5.
    expect(next).toEqual({ level: 5, trend: 0, season: [-2, -1, 0, 1, 2, 3, -2.5], sse: 4 });
  });

  it('damped trend: the increments shrink by phi each day', () => {
    closeTo(projectHoltWinters({ level: 10, trend: 2, season: [0, 0, 0, 0, 0, 0, 0], sse: 0 }, 0.5, 3), [11, 11.5, 11.75]);
  });
});

describe('seasonalNaive', () => {
  it.each([
    { name: 'the same weekday last week, wrapping past a week', series: days(14, (t) => t), horizon: 9, next: [7, 8, 9, 10, 11, 12, 13, 7, 8] },
    { name: 'under a week: the last day', series: [4, 6], horizon: 3, next: [6, 6, 6] },
    { name: 'nothing: zeros', series: [], horizon: 2, next: [0, 0] },
  ])('$name', ({ series, horizon, next }) => expect(seasonalNaive(series, horizon)).toEqual(next));
});

describe('backTest', () => {
  const noisy = days(42, (t) => 10 + WEEK[t % 7]! + ((t * 37) % 5) - 2);

  it('a perfect forecast scores MAE 0 and MASE 0', () => {
    const oracle = (history: readonly number[], h: number) => noisy.slice(history.length, history.length + h);
    expect(backTest(noisy, oracle, 7)).toEqual({ points: (42 - 14 - 7 + 1) * 7, mae: 0, mase: 0 });
  });

  it.each([1, 3, 7])('seasonal-naive itself scores MASE exactly 1 (horizon %i)', (h) => {
    const result = backTest(noisy, seasonalNaive, h);
    expect(result.mase).toBe(1);
    expect(result.mae).toBeGreaterThan(0);
  });

  it('hand-checked MAE: a forecaster of zeros on 14 days of 1 then 2, 3 (one step)', () => {
    const series = [...days(14, () => 1), 2, 3];
    const result = backTest(series, (_h, n) => new Array<number>(n).fill(0), 1);
    // errors 2 and 3; scale |2 − 1| + |3 − 1| = 3 → MAE 2.5, MASE 5 / 3.
    expect(result).toEqual({ points: 2, mae: 2.5, mase: 5 / 3 });
  });

  it('a series whose weeks repeat exactly has no scale: MASE null', () => {
    expect(backTest(days(28, (t) => WEEK[t % 7]!), seasonalNaive, 1).mase).toBeNull();
  });
});

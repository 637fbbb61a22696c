import { describe, expect, it } from 'vitest';
import { presetRange, rangeFromQuery, rangeProblem, rangeToQuery, withRange } from '../../client/components/ops/range/ops-date-range';

const TODAY = '2026-12-02';

describe('the console’s date range in the address bar', () => {
  it.each([
    [{}, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ range: '7d' }, { preset: '7d', from: '2026-11-26', to: TODAY }],
    [{ range: '30d' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    // A custom span wins over a preset when it makes sense…
    [{ range: '7d', from: '2026-10-01', to: '2026-10-31' }, { preset: 'custom', from: '2026-10-01', to: '2026-10-31' }],
    [{ from: '2026-12-02', to: '2026-12-02' }, { preset: 'custom', from: TODAY, to: TODAY }],
    // …and is dropped, not sent, when it does not.
    [{ from: '2026-10-31', to: '2026-10-01' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ from: '2026-02-30', to: '2026-03-01' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ from: '2026-10-01' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ from: '2024-01-01', to: '2026-01-01' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ range: '90d' }, { preset: '30d', from: '2026-11-03', to: TODAY }],
    [{ range: ['7d', '30d'] }, { preset: '7d', from: '2026-11-26', to: TODAY }],
  ])('%j reads as %j', (query, range) => {
    expect(rangeFromQuery(query as never, TODAY)).toEqual(range);
  });

  it('presets count today as their last day, across a month and a year end', () => {
    expect(presetRange('7d', '2027-01-03')).toEqual({ preset: '7d', from: '2026-12-28', to: '2027-01-03' });
    expect(presetRange('30d', '2026-03-01')).toEqual({ preset: '30d', from: '2026-01-31', to: '2026-03-01' });
  });

  it.each([
    ['2026-11-01', '2026-11-30', null],
    ['2026-11-30', '2026-11-01', 'backwards'],
    ['2026-11-31', '2026-12-01', 'invalid_day'],
    ['', '2026-12-01', 'invalid_day'],
    ['2025-12-01', '2026-12-01', null],
    ['2025-11-30', '2026-12-01', 'too_long'],
  ] as const)('%s to %s: %s', (from, to, problem) => {
    expect(rangeProblem(from, to)).toBe(problem);
  });

  it('writes the default preset as nothing, others by name, custom by days, keeping other filters', () => {
    expect(rangeToQuery({ preset: '30d', from: 'x', to: 'y' })).toEqual({});
    expect(rangeToQuery({ preset: '7d', from: 'x', to: 'y' })).toEqual({ range: '7d' });
    expect(rangeToQuery({ preset: 'custom', from: '2026-11-01', to: '2026-11-02' })).toEqual({ from: '2026-11-01', to: '2026-11-02' });
    expect(withRange({ courier: '3', from: '2026-11-01', to: '2026-11-02' }, { preset: '7d', from: '', to: '' })).toEqual({ courier: '3', range: '7d' });
  });
});

describe('links between range pages', () => {
  it('carry the span and nothing else', async () => {
    const { rangeKeysOf } = await import('../../client/components/ops/range/ops-date-range');
    expect(rangeKeysOf({ range: '7d', courier: '3' })).toEqual({ range: '7d' });
    expect(rangeKeysOf({ from: '2026-11-01', to: '2026-11-02', city: '上海市' })).toEqual({ from: '2026-11-01', to: '2026-11-02' });
    expect(rangeKeysOf({})).toEqual({});
  });
});

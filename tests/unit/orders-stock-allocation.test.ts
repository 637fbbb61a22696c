import { describe, expect, it } from 'vitest';
import { allocateStock, type WarehouseStock } from '../../shared/orders/stock-allocation';

const wh = (code: string, servesProvince: boolean, available: Record<string, number>): WarehouseStock => ({ code, servesProvince, available });

describe('allocateStock', () => {
  it.each([
    {
      name: 'the serving warehouse with everything, though a non-serving one is listed first',
      lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }],
      warehouses: [wh('BJ', false, { A: 9, B: 9 }), wh('SH', true, { A: 2, B: 1 })],
      picks: [{ sku: 'A', warehouse: 'SH', quantity: 2 }, { sku: 'B', warehouse: 'SH', quantity: 1 }],
    },
    {
      name: 'two serving warehouses with everything: the first given',
      lines: [{ sku: 'A', quantity: 1 }],
      warehouses: [wh('HZ', true, { A: 1 }), wh('SH', true, { A: 5 })],
      picks: [{ sku: 'A', warehouse: 'HZ', quantity: 1 }],
    },
    {
      name: 'no serving warehouse has everything: one parcel from a non-serving one beats a split',
      lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }],
      warehouses: [wh('SH', true, { A: 2 }), wh('CD', false, { B: 1 }), wh('BJ', false, { A: 2, B: 1 })],
      picks: [{ sku: 'A', warehouse: 'BJ', quantity: 2 }, { sku: 'B', warehouse: 'BJ', quantity: 1 }],
    },
    {
      name: 'split by line: each line whole from the first that has it, serving first',
      lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 3 }],
      warehouses: [wh('BJ', false, { A: 5, B: 2 }), wh('SH', true, { A: 2 }), wh('GZ', true, { B: 3 })],
      picks: [{ sku: 'A', warehouse: 'SH', quantity: 2 }, { sku: 'B', warehouse: 'GZ', quantity: 3 }],
    },
    {
      name: 'a line no warehouse has whole is split in warehouse order; the other line stays whole',
      lines: [{ sku: 'A', quantity: 5 }, { sku: 'B', quantity: 1 }],
      warehouses: [wh('BJ', false, { A: 4, B: 1 }), wh('SH', true, { A: 3 }), wh('GZ', true, { B: 1 })],
      picks: [
        { sku: 'A', warehouse: 'SH', quantity: 3 },
        { sku: 'A', warehouse: 'BJ', quantity: 2 },
        { sku: 'B', warehouse: 'GZ', quantity: 1 },
      ],
    },
    {
      name: 'a split skips warehouses without the SKU and stops once the line is full',
      lines: [{ sku: 'A', quantity: 6 }],
      warehouses: [wh('SH', true, { A: 0 }), wh('HZ', true, {}), wh('NJ', true, { A: 4 }), wh('BJ', false, { A: 2 }), wh('CD', false, { A: 5 })],
      // CD has 5, fewer than 6, so the split runs: NJ 4 then BJ 2, and CD is not touched.
      picks: [{ sku: 'A', warehouse: 'NJ', quantity: 4 }, { sku: 'A', warehouse: 'BJ', quantity: 2 }],
    },
    {
      name: 'a SKU listed twice is one line of the sum',
      lines: [{ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 3 }],
      warehouses: [wh('SH', true, { A: 4 }), wh('BJ', false, { A: 5 })],
      picks: [{ sku: 'A', warehouse: 'BJ', quantity: 5 }],
    },
    { name: 'no lines: nothing to pick', lines: [], warehouses: [wh('SH', true, {})], picks: [] },
  ])('$name', ({ lines, warehouses, picks }) => {
    const allocation = allocateStock(lines, warehouses);
    expect(allocation).toEqual({ ok: true, picks });
  });

  it.each([
    {
      name: 'one line short overall, counted over every warehouse',
      lines: [{ sku: 'A', quantity: 7 }, { sku: 'B', quantity: 1 }],
      warehouses: [wh('SH', true, { A: 3, B: 1 }), wh('BJ', false, { A: 3 })],
      short: [{ sku: 'A', requested: 7, available: 6 }],
    },
    {
      name: 'every short line, in line order, and none of the lines that fit',
      lines: [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }, { sku: 'C', quantity: 3 }],
      warehouses: [wh('SH', true, { A: 1, B: 1 }), wh('BJ', false, { C: 2 })],
      short: [{ sku: 'B', requested: 2, available: 1 }, { sku: 'C', requested: 3, available: 2 }],
    },
    {
      name: 'a SKU no warehouse stocks',
      lines: [{ sku: 'X', quantity: 1 }],
      warehouses: [wh('SH', true, { A: 5 })],
      short: [{ sku: 'X', requested: 1, available: 0 }],
    },
    {
      name: 'no warehouses at all',
      lines: [{ sku: 'A', quantity: 1 }],
      warehouses: [],
      short: [{ sku: 'A', requested: 1, available: 0 }],
    },
    {
      name: 'an oversold warehouse (negative available) adds nothing, takes nothing away',
      lines: [{ sku: 'A', quantity: 3 }],
      warehouses: [wh('SH', true, { A: -2 }), wh('BJ', false, { A: 2 })],
      short: [{ sku: 'A', requested: 3, available: 2 }],
    },
    {
      name: 'a SKU listed twice is short on the sum',
      lines: [{ sku: 'A', quantity: 2 }, { sku: 'A', quantity: 3 }],
      warehouses: [wh('SH', true, { A: 4 })],
      short: [{ sku: 'A', requested: 5, available: 4 }],
    },
  ])('short: $name', ({ lines, warehouses, short }) => {
    expect(allocateStock(lines, warehouses)).toEqual({ ok: false, short });
  });

  it('picks add up exactly to the lines and never take more than a warehouse has', () => {
    const warehouses = [wh('SH', true, { A: 3, B: 1, C: 7 }), wh('BJ', false, { A: 4, B: 1, C: 1 }), wh('GZ', true, { A: 1, B: 1 })];
    const lines = [{ sku: 'A', quantity: 8 }, { sku: 'B', quantity: 3 }, { sku: 'C', quantity: 8 }];
    const allocation = allocateStock(lines, warehouses);
    if (!allocation.ok) throw new Error('expected an allocation');
    for (const { sku, quantity } of lines) {
      expect(allocation.picks.filter((p) => p.sku === sku).reduce((sum, p) => sum + p.quantity, 0)).toBe(quantity);
    }
    for (const pick of allocation.picks) {
      expect(pick.quantity).toBeGreaterThan(0);
      expect(pick.quantity).toBeLessThanOrEqual(warehouses.find((w) => w.code === pick.warehouse)!.available[pick.sku]!);
    }
    expect(allocation.picks.map((p) => `${p.sku}@${p.warehouse}`)).toEqual(['A@SH', 'A@GZ', 'A@BJ', 'B@SH', 'B@GZ', 'B@BJ', 'C@SH', 'C@BJ']);
  });
});

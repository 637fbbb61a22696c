import { describe, expect, it } from 'vitest';
import type { PickStop } from '../../shared/api/warehouse';
import { code128Bars, code128Symbols } from '../../client/components/warehouse/code128';
import { compareBox, lineForCode, weightMismatch } from '../../client/components/warehouse/packing-box';
import { parcelForScan, suggestedCourierId } from '../../client/components/warehouse/handover-batch';
import { checkPickScan, currentStopIndex, unitsLeft } from '../../client/components/warehouse/pick-scan-check';

const name = { 'zh-CN': '商品', en: 'Item' };
const stop = (sku: string, barcode: string | null, quantity: number, picked = 0, short = 0): PickStop => ({
  sku,
  name,
  barcode,
  bin: `A-${sku}`,
  quantity,
  pickedQuantity: picked,
  shortQuantity: short,
  orders: [],
});

describe('checkPickScan: a wrong item is refused before the server answers', () => {
  const stops = [stop('TEA-1', '6901234567892', 2, 2), stop('CUP-1', '6900000000001', 3, 1), stop('BAG-1', null, 1)];
  it.each([
    ['6901234567892', 'all_picked', 'TEA-1'],
    ['6900000000001', 'expected', 'CUP-1'],
    [' 6900000000001 ', 'expected', 'CUP-1'],
    ['bag-1', 'expected', 'BAG-1'],
    ['6999999999999', 'wrong_item', null],
    ['TEA-2', 'wrong_item', null],
  ])('%s → %s', (code, verdict, sku) => {
    const check = checkPickScan(stops, code);
    expect(check.verdict).toBe(verdict);
    expect(check.verdict === 'wrong_item' ? null : check.stop.sku).toBe(sku);
  });

  it('finds the current stop and units left, counting shorts as done', () => {
    expect(unitsLeft(stop('A', null, 3, 1, 1))).toBe(1);
    expect(currentStopIndex(stops)).toBe(1);
    expect(currentStopIndex([stop('A', null, 2, 1, 1)])).toBe(-1);
  });
});

describe('packing: the box against the lines, and the scale against the catalogue', () => {
  const lines = [
    { sku: 'TEA-1', name, barcode: '690', quantity: 2 },
    { sku: 'CUP-1', name, barcode: null, quantity: 1 },
  ];
  it.each([
    [{}, false],
    [{ 'TEA-1': 2 }, false],
    [{ 'TEA-1': 2, 'CUP-1': 1 }, true],
    [{ 'TEA-1': 3, 'CUP-1': 1 }, false],
  ])('box %j ready: %s', (box, ready) => {
    expect(compareBox(lines, box).ready).toBe(ready);
  });
  it('matches codes by barcode or SKU', () => {
    expect(lineForCode(lines, '690')?.sku).toBe('TEA-1');
    expect(lineForCode(lines, 'cup-1')?.sku).toBe('CUP-1');
    expect(lineForCode(lines, 'nope')).toBeNull();
  });
  it.each([
    [1000, 1040, false],
    [1000, 1090, false],
    [1000, 1200, true],
    [200, 240, false],
    [200, 300, true],
    [null, 300, null],
    [500, 0, null],
  ])('expected %s g, weighed %s g → mismatch %s', (expected, weighed, mismatch) => {
    expect(weightMismatch(expected, weighed)).toBe(mismatch);
  });
});

describe('code128', () => {
  it('adds start B, the weighted checksum and stop', () => {
    // (104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7) mod 103 = 879 mod 103 = 55
    expect(code128Symbols('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
  });
  it('draws 11 modules a symbol and 13 for the stop', () => {
    const { width, bars } = code128Bars('DS2026120500001');
    expect(width).toBe(11 * (15 + 2) + 13);
    expect(bars[0]).toEqual([0, 2]);
  });
  it('refuses characters outside set B', () => {
    expect(() => code128Symbols('包裹')).toThrow(RangeError);
  });
});

describe('hand-over batch', () => {
  const parcel = (trackingNo: string, courier: { id: number; name: string } | null) => ({
    trackingNo,
    orderNo: 'O1',
    destination: { province: '上海市', city: '上海市', district: '浦东新区' },
    weightGrams: 500,
    suggestedCourier: courier,
  });
  const li = { id: 1, name: '李' };
  const wang = { id: 2, name: '王' };
  it('finds a scanned parcel whatever its case and spaces', () => {
    expect(parcelForScan([parcel('DS123', null)], ' ds 123 ')?.trackingNo).toBe('DS123');
    expect(parcelForScan([parcel('DS123', null)], 'DS124')).toBeNull();
  });
  it.each([
    [[], null],
    [[parcel('A', null)], null],
    [[parcel('A', li), parcel('B', wang), parcel('C', wang)], 2],
  ])('suggests the courier most parcels have (%#)', (batch, id) => {
    expect(suggestedCourierId(batch)).toBe(id);
  });
});

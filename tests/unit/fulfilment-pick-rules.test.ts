import { describe, expect, it } from 'vitest';
import { chooseWaveLines, compareBins, matchScan, packDifferences, waveNumber, type ScanLine, type WaveCandidate } from '../../shared/fulfilment/pick-rules';
import { promisedDays, sortCode, trackingUrl } from '../../shared/fulfilment/parcel-rules';

const line = (orderId: number, orderItemId: number, paidAt: number, extra: Partial<WaveCandidate> = {}): WaveCandidate => ({ orderId, orderItemId, paidAt, status: 'paid', heldAt: null, ...extra });

describe('wave building', () => {
  it.each([
    ['oldest paid first, every line of an order', [line(1, 10, 300), line(2, 20, 100), line(2, 21, 100), line(3, 30, 200)], 2, [20, 21, 30]],
    ['all when fewer than the cap', [line(1, 10, 300), line(2, 20, 100)], 20, [10, 20]],
    ['held and cancelled orders left out', [line(1, 10, 100, { heldAt: 5 }), line(2, 20, 200, { status: 'cancelled' }), line(3, 30, 300)], 5, [30]],
    ['unpaid and shipped orders left out', [line(1, 10, 100, { status: 'pending_payment' }), line(2, 20, 200, { status: 'shipped' })], 5, []],
    ['ties broken by order id', [line(5, 50, 100), line(4, 40, 100)], 1, [40]],
    ['nothing waiting', [], 3, []],
  ])('%s', (_name, candidates, max, expected) => {
    expect(chooseWaveLines(candidates, max).map((c) => c.orderItemId)).toEqual(expected);
  });
});

describe('bin order', () => {
  it.each([
    ['A-2-10', 'A-10-1', -1],
    ['A-01-02', 'A-01-10', -1],
    ['A-9', 'B-1', -1],
    ['B-01-01', 'A-99-99', 1],
    ['', 'Z-99', 1],
    ['A-01', '', -1],
    ['a-1-1', 'A-1-1', 0],
    ['A-1', 'A-1-1', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareBins(a, b))).toBe(sign);
  });

  it('sorts a shelf walk', () => {
    expect(['A-10-1', '', 'A-2-10', 'B-1-1', 'A-2-9'].sort(compareBins)).toEqual(['A-2-9', 'A-2-10', 'A-10-1', 'B-1-1', '']);
  });
});

describe('scan matching', () => {
  const stop = (id: number, sku: string, bin: string, quantity: number, picked = 0, short = 0, barcode: string | null = `69${sku}`): ScanLine => ({ id, sku, barcode, bin, quantity, pickedQuantity: picked, shortQuantity: short });
  const lines = [stop(1, 'TEE', 'A-10-1', 1), stop(2, 'TEE', 'A-2-1', 2, 2), stop(3, 'TEE', 'A-3-1', 1), stop(4, 'MUG', 'B-1', 1, 0, 1), stop(5, 'CAP', '', 1, 0, 0, null)];
  it.each([
    ['by barcode, first stop in bin order with units left', '69TEE', 'picked', 3],
    ['by SKU code', 'TEE', 'picked', 3],
    ['trimmed', ' 69TEE ', 'picked', 3],
    ['a SKU whose units are all short: already done', '69MUG', 'already_picked', 4],
    ['a SKU without barcode by its code', 'CAP', 'picked', 5],
    ['not on the list', '6900000', 'wrong_item', null],
  ])('%s', (_name, code, outcome, id) => {
    const match = matchScan(lines, code);
    expect([match.outcome, match.line?.id ?? null]).toEqual([outcome, id]);
  });
});

describe('the box check', () => {
  it.each([
    ['equal, in any order and split', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], [{ sku: 'B', quantity: 1 }, { sku: 'A', quantity: 1 }, { sku: 'A', quantity: 1 }], []],
    ['one short', [{ sku: 'A', quantity: 2 }], [{ sku: 'A', quantity: 1 }], [{ sku: 'A', expected: 2, scanned: 1 }]],
    ['one extra SKU', [{ sku: 'A', quantity: 1 }], [{ sku: 'A', quantity: 1 }, { sku: 'Z', quantity: 1 }], [{ sku: 'Z', expected: 0, scanned: 1 }]],
  ])('%s', (_name, expected, scanned, differences) => {
    expect(packDifferences(expected, scanned)).toEqual(differences);
  });
});

describe('numbers and labels', () => {
  it('numbers waves by day and id', () => expect(waveNumber('20261205', 1)).toBe('BC20261205-0001'));
  it.each([
    ['深圳市', '南山区', '深圳 南山'],
    ['上海市', '浦东新区', '上海 浦东新'],
    ['北京市', '东城区', '北京 东城'],
    ['儋州市', '那大镇', '儋州 那大镇'],
  ])('sort code of %s %s', (city, district, code) => expect(sortCode(city, district)).toBe(code));
  it('promises 2 days within a province, 3 across', () => {
    expect([promisedDays({ province: '广东省' }, { province: '广东省' }), promisedDays({ province: '广东省' }, { province: '上海市' })]).toEqual([2, 3]);
  });
  it('links the tracking page', () => {
    expect([trackingUrl('https://x.example/', 'DS1'), trackingUrl('', 'DS1')]).toEqual(['https://x.example/t/DS1', '/t/DS1']);
  });
});

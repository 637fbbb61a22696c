import { describe, expect, it } from 'vitest';
import type { Coupon } from '../../shared/orders/coupon-rules';
import { findPriceChanges, priceOrder, type CatalogLine } from '../../shared/orders/pricing';
import type { ShippingRule } from '../../shared/orders/shipping-fee';

const line = (sku: string, quantity: number, catalogPriceFen: number, category = 'books', claimedPriceFen?: number): CatalogLine => ({
  sku,
  quantity,
  catalogPriceFen,
  category,
  ...(claimedPriceFen === undefined ? {} : { claimedPriceFen }),
});

const coupon = (code: string, kind: Coupon['kind'], off: number): Coupon => ({
  code,
  kind,
  percentOff: kind === 'percentage' ? off : null,
  amountOffFen: kind === 'percentage' ? null : off,
  thresholdFen: kind === 'threshold' ? 5000 : 0,
  startsAt: null,
  endsAt: null,
  totalLimit: null,
  perCustomerLimit: null,
  usedCount: 0,
  active: true,
});

describe('findPriceChanges', () => {
  it.each([
    { name: 'no prices sent', lines: [line('A', 1, 3333), line('B', 2, 2500)], changes: [] },
    { name: 'prices sent and current', lines: [line('A', 1, 3333, 'books', 3333), line('B', 2, 2500, 'home', 2500)], changes: [] },
    {
      name: 'every stale price, dearer or cheaper, in line order',
      lines: [line('A', 1, 3333, 'books', 2999), line('B', 2, 2500), line('C', 1, 999, 'home', 1099)],
      changes: [
        { sku: 'A', claimedPriceFen: 2999, priceFen: 3333 },
        { sku: 'C', claimedPriceFen: 1099, priceFen: 999 },
      ],
    },
    { name: 'a price of 0 is a price sent', lines: [line('A', 1, 3333, 'books', 0)], changes: [{ sku: 'A', claimedPriceFen: 0, priceFen: 3333 }] },
  ])('$name', ({ lines, changes }) => {
    expect(findPriceChanges(lines)).toEqual(changes);
  });
});

describe('priceOrder', () => {
  // 2 × ¥33.33 + 1 × ¥25.00 = ¥91.66: under the ¥99 free threshold.
  const cart = [line('A', 2, 3333), line('B', 1, 2500, 'home')];

  it('prices each line from the catalog, never from the price the shop sent', () => {
    const priced = priceOrder({ lines: [line('A', 2, 3333, 'books', 1), line('B', 1, 2500, 'home')], coupons: [], province: '北京市' });
    expect(priced.lines).toEqual([
      { sku: 'A', quantity: 2, unitPriceFen: 3333, lineTotalFen: 6666 },
      { sku: 'B', quantity: 1, unitPriceFen: 2500, lineTotalFen: 2500 },
    ]);
    expect(priced.itemsTotalFen).toBe(9166);
  });

  it.each([
    { name: 'no coupons', coupons: [], given: [], discount: 0, shipping: 800 },
    { name: 'fixed ¥10', coupons: [coupon('F', 'fixed', 1000)], given: [1000], discount: 1000, shipping: 800 },
    {
      name: 'threshold and fixed, each off the items total',
      coupons: [coupon('T', 'threshold', 2000), coupon('F', 'fixed', 500)],
      given: [2000, 500],
      discount: 2500,
      shipping: 800,
    },
    { name: '15% rounds down (1374.9 → 1374)', coupons: [coupon('P', 'percentage', 15)], given: [1374], discount: 1374, shipping: 800 },
    {
      name: 'the percentage comes off what the amounts leave, whatever the listed order',
      coupons: [coupon('P', 'percentage', 15), coupon('F', 'fixed', 1000)],
      // 15% of 8166 = 1224.9 → 1224, not 15% of 9166.
      given: [1224, 1000],
      discount: 2224,
      shipping: 800,
    },
    { name: 'a fixed coupon larger than the items', coupons: [coupon('F', 'fixed', 20_000)], given: [9166], discount: 9166, shipping: 800 },
    {
      name: 'amounts together larger than the items: the later one is cut, the percentage gets nothing',
      coupons: [coupon('F', 'fixed', 9000), coupon('T', 'threshold', 1000), coupon('P', 'percentage', 50)],
      given: [9000, 166, 0],
      discount: 9166,
      shipping: 800,
    },
  ])('$name', ({ coupons, given, discount, shipping }) => {
    const priced = priceOrder({ lines: cart, coupons, province: '北京市' });
    expect(priced.coupons).toEqual(coupons.map((c, i) => ({ code: c.code, discountFen: given[i] })));
    expect(priced.discountFen).toBe(discount);
    expect(priced.shippingFen).toBe(shipping);
    expect(priced.totalFen).toBe(9166 - discount + shipping);
  });

  it.each([
    { percent: 33, discount: 33 }, // 33.33
    { percent: 50, discount: 50 }, // 50.5
    { percent: 99, discount: 99 }, // 99.99: never the 100 a rounding to nearest would give
    { percent: 1, discount: 1 }, // 1.01
  ])('$percent% of ¥1.01 is $discount fen off', ({ percent, discount }) => {
    const priced = priceOrder({ lines: [line('A', 1, 101)], coupons: [coupon('P', 'percentage', percent)], province: '北京市' });
    expect(priced.discountFen).toBe(discount);
    expect(priced.totalFen).toBe(101 - discount + 800);
  });

  it.each([
    { name: '¥100 of goods ship free', coupons: [], shipping: 0, total: 10_000 },
    { name: 'a coupon taking goods to ¥98.99 brings shipping back', coupons: [coupon('F', 'fixed', 101)], shipping: 800, total: 9899 + 800 },
    { name: 'a coupon taking goods to exactly ¥99 keeps it free', coupons: [coupon('F', 'fixed', 100)], shipping: 0, total: 9900 },
    { name: 'a percentage counts too (10% → ¥90)', coupons: [coupon('P', 'percentage', 10)], shipping: 800, total: 9000 + 800 },
  ])('shipping is judged after discounts: $name', ({ coupons, shipping, total }) => {
    const priced = priceOrder({ lines: [line('A', 1, 10_000)], coupons, province: '江苏省' });
    expect(priced.shippingFen).toBe(shipping);
    expect(priced.totalFen).toBe(total);
  });

  it.each([
    { name: 'a fresh line pays cold chain', lines: [line('A', 1, 5000), line('M', 1, 3000, 'fresh_food')], province: '江苏省', shipping: 1500 },
    { name: 'a remote province pays ¥20 even over ¥99', lines: [line('A', 4, 5000)], province: '新疆维吾尔自治区', shipping: 2000 },
  ])('$name', ({ lines, province, shipping }) => {
    expect(priceOrder({ lines, coupons: [], province }).shippingFen).toBe(shipping);
  });

  it('uses the shop’s own shipping rule when given', () => {
    const rule: ShippingRule = { freeFromFen: 5000, standardFen: 600, remoteFen: 1200, remoteProvinces: [], coldChainFen: 900, coldChainCategories: [] };
    expect(priceOrder({ lines: [line('A', 1, 4999)], coupons: [], province: '江苏省' }, rule).shippingFen).toBe(600);
    expect(priceOrder({ lines: [line('A', 1, 5000)], coupons: [], province: '江苏省' }, rule).shippingFen).toBe(0);
  });
});

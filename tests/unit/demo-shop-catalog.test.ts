import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCT_DETAILS, demoBarcode } from '../../server/demo/demo-catalog-details';
import { DEMO_PRODUCTS } from '../../server/demo/demo-products';
import { DEMO_WAREHOUSES } from '../../server/demo/demo-warehouses';

/** EAN-13's own check: weights 1,3,1,3… over all 13 digits sum to a multiple of 10. */
const ean13Valid = (code: string) => /^\d{13}$/.test(code) && [...code].reduce((sum, d, i) => sum + Number(d) * (i % 2 === 0 ? 1 : 3), 0) % 10 === 0;

const PROVINCES = ['北京市', '天津市', '上海市', '重庆市', '河北省', '山西省', '辽宁省', '吉林省', '黑龙江省', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '海南省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省', '青海省', '内蒙古自治区', '广西壮族自治区', '西藏自治区', '宁夏回族自治区', '新疆维吾尔自治区'];

describe('the demo shop', () => {
  it('has an English name and a weight for every demo SKU, and nothing for SKUs it does not sell', () => {
    expect(Object.keys(DEMO_PRODUCT_DETAILS).sort()).toEqual(DEMO_PRODUCTS.map((p) => p.sku).sort());
    for (const [en, grams] of Object.values(DEMO_PRODUCT_DETAILS)) {
      expect(en).toMatch(/^[\x20-\x7e×]+$/);
      expect(grams).toBeGreaterThan(0);
    }
  });

  it.each([['AP-1001'], ['CM-9504'], ['EL-4003'], ['PD-8101']])('gives %s a valid, unique EAN-13 with a Chinese prefix', (sku) => {
    const code = demoBarcode(sku);
    expect(ean13Valid(code)).toBe(true);
    expect(code.startsWith('693')).toBe(true);
  });

  it('gives every SKU a different barcode', () => {
    expect(new Set(DEMO_PRODUCTS.map((p) => demoBarcode(p.sku))).size).toBe(DEMO_PRODUCTS.length);
  });

  it('serves each of the 31 mainland provinces from exactly one warehouse', () => {
    const served = DEMO_WAREHOUSES.flatMap((w) => w.provinces ?? []);
    expect([...served].sort()).toEqual([...PROVINCES].sort());
  });
});

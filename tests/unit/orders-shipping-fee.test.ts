import { describe, expect, it } from 'vitest';
import { provinceIn, provinceKey, sameProvince } from '../../shared/orders/province-names';
import { DEFAULT_SHIPPING_RULE, shippingFee, type ShippingRule } from '../../shared/orders/shipping-fee';

describe('shippingFee (default rule: free from ¥99, ¥8, remote ¥20, cold chain ¥15)', () => {
  it.each([
    { name: '1 fen under the free threshold pays standard', goods: 9899, province: '北京市', categories: ['books'], fee: 800 },
    { name: 'exactly the free threshold ships free', goods: 9900, province: '北京市', categories: ['books'], fee: 0 },
    { name: 'well over the threshold ships free', goods: 250_000, province: '上海市', categories: ['electronics'], fee: 0 },
    { name: 'nothing left to pay for goods still pays standard', goods: 0, province: '广东省', categories: ['books'], fee: 800 },
    { name: 'cold chain under the threshold', goods: 9899, province: '浙江省', categories: ['fresh_food'], fee: 1500 },
    { name: 'cold chain at the threshold ships free', goods: 9900, province: '浙江省', categories: ['fresh_food'], fee: 0 },
    { name: 'one fresh line among others makes the parcel cold chain', goods: 5000, province: '浙江省', categories: ['books', 'fresh_food', 'home'], fee: 1500 },
    { name: 'packaged food is not cold chain', goods: 5000, province: '浙江省', categories: ['packaged_food'], fee: 800 },
    { name: 'no lines at all pays standard', goods: 5000, province: '浙江省', categories: [], fee: 800 },
    { name: 'remote under the threshold', goods: 9899, province: '新疆维吾尔自治区', categories: ['books'], fee: 2000 },
    { name: 'remote at the threshold is never free', goods: 9900, province: '新疆维吾尔自治区', categories: ['books'], fee: 2000 },
    { name: 'remote on a big order is never free', goods: 1_000_000, province: '西藏自治区', categories: ['books'], fee: 2000 },
    { name: 'remote and cold chain: the dearer fee, not the sum', goods: 5000, province: '青海省', categories: ['fresh_food'], fee: 2000 },
    { name: 'remote written short (新疆)', goods: 20_000, province: '新疆', categories: ['books'], fee: 2000 },
    { name: 'remote written short (内蒙古)', goods: 20_000, province: '内蒙古', categories: ['books'], fee: 2000 },
    { name: 'remote with stray spaces', goods: 20_000, province: ' 甘肃省 ', categories: ['books'], fee: 2000 },
    { name: 'another autonomous region is not remote', goods: 9900, province: '广西壮族自治区', categories: ['books'], fee: 0 },
  ])('$name → $fee', ({ goods, province, categories, fee }) => {
    expect(shippingFee({ goodsAfterDiscountFen: goods, province, categories })).toBe(fee);
  });

  it.each(DEFAULT_SHIPPING_RULE.remoteProvinces.map((province) => ({ province })))('$province is remote: ¥20 even over ¥99', ({ province }) => {
    expect(shippingFee({ goodsAfterDiscountFen: 50_000, province, categories: ['books'] })).toBe(2000);
  });

  it('lists the seven remote provinces of the product document', () => {
    expect([...DEFAULT_SHIPPING_RULE.remoteProvinces].sort()).toEqual(
      ['新疆维吾尔自治区', '西藏自治区', '青海省', '内蒙古自治区', '宁夏回族自治区', '甘肃省', '海南省'].sort(),
    );
  });

  const shopRule: ShippingRule = {
    freeFromFen: 5000,
    standardFen: 600,
    remoteFen: 1200,
    remoteProvinces: ['海南省'],
    coldChainFen: 3000,
    coldChainCategories: ['fresh_food', 'packaged_food'],
  };
  it.each([
    { name: 'its own threshold, 1 fen short', goods: 4999, province: '江苏省', categories: ['books'], fee: 600 },
    { name: 'its own threshold reached', goods: 5000, province: '江苏省', categories: ['books'], fee: 0 },
    { name: 'its own cold-chain categories', goods: 4999, province: '江苏省', categories: ['packaged_food'], fee: 3000 },
    { name: 'cold chain dearer than remote: the cold-chain fee', goods: 4999, province: '海南', categories: ['fresh_food'], fee: 3000 },
    { name: 'remote over its threshold: the remote fee only', goods: 5000, province: '海南', categories: ['fresh_food'], fee: 1200 },
    { name: 'its own remote list (新疆 is not on it)', goods: 5000, province: '新疆维吾尔自治区', categories: ['books'], fee: 0 },
  ])('a shop rule: $name → $fee', ({ goods, province, categories, fee }) => {
    expect(shippingFee({ goodsAfterDiscountFen: goods, province, categories }, shopRule)).toBe(fee);
  });
});

describe('province names', () => {
  it.each([
    ['新疆维吾尔自治区', '新疆'],
    ['广西壮族自治区', '广西'],
    ['宁夏回族自治区', '宁夏'],
    ['内蒙古自治区', '内蒙古'],
    ['西藏自治区', '西藏'],
    ['香港特别行政区', '香港'],
    ['黑龙江省', '黑龙江'],
    ['北京市', '北京'],
    ['  北京  ', '北京'],
    ['海南', '海南'],
    ['省', '省'],
  ])('%s → %s', (name, key) => {
    expect(provinceKey(name)).toBe(key);
  });

  it.each([
    ['新疆', '新疆维吾尔自治区', true],
    ['北京市', '北京', true],
    ['山西省', '陕西省', false],
    ['内蒙古自治区', '内蒙古', true],
    ['广东省', '广西壮族自治区', false],
  ])('sameProvince(%s, %s) is %s', (a, b, same) => {
    expect(sameProvince(a, b)).toBe(same);
  });

  it.each([
    ['宁夏', true],
    ['宁夏回族自治区', true],
    ['辽宁省', false],
  ])('provinceIn(%s, the remote list) is %s', (province, inList) => {
    expect(provinceIn(province, DEFAULT_SHIPPING_RULE.remoteProvinces)).toBe(inList);
  });
});

import { describe, expect, it } from 'vitest';
import { formatChineseAddress } from '../../shared/addresses/address-format';

describe('an address is written one way on every face and in every language', () => {
  it.each([
    [{ province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 100 号 3 单元 502' }, '浙江省杭州市西湖区文三路 100 号 3 单元 502'],
    // A municipality is its own province: said once.
    [{ province: '北京市', city: '北京市', district: '朝阳区', street: '建国路 1 号' }, '北京市朝阳区建国路 1 号'],
    [{ province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 88 号' }, '上海市浦东新区世纪大道 88 号'],
    [{ province: '广东省', city: '深圳市', district: '南山区', street: '科技园南路 2 号' }, '广东省深圳市南山区科技园南路 2 号'],
    // Blank or padded parts leave no gap.
    [{ province: '广东省', city: '东莞市', district: '', street: '松山湖大道 5 号' }, '广东省东莞市松山湖大道 5 号'],
    [{ province: ' 四川省 ', city: '成都市', district: '武侯区', street: '天府大道 ' }, '四川省成都市武侯区天府大道'],
    // The customer's masked street is kept as the server sent it.
    [{ province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路****' }, '浙江省杭州市西湖区文三路****'],
  ])('%j → %s', (address, written) => {
    expect(formatChineseAddress(address)).toBe(written);
  });
});

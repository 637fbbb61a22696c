import { describe, expect, it } from 'vitest';
import { mapLinks, shortStopAddress } from '../../client/components/courier/courier-address';
import { trackingNoFromScan } from '../../client/components/courier/courier-scanned-tracking-no';
import { scaledSize } from '../../client/offline/photo-compression';

describe('reading a tracking number from a scan', () => {
  it.each([
    ['DS00000012344', 'DS00000012344'],
    ['ds 0000 0012 344', 'DS00000012344'],
    ['https://doorstep.example/t/DS00000012344', 'DS00000012344'],
    ['运单号：DS00000012344 收件人…', 'DS00000012344'],
    ['DS00000012340', null], // wrong check digit: a misread never opens the wrong stop
    ['6901234567892', null],
    ['', null],
  ])('%j → %s', (raw, expected) => {
    expect(trackingNoFromScan(raw)).toBe(expected);
  });
});

describe('addresses and map hand-off', () => {
  const address = { province: '浙江省', city: '杭州市', district: '西湖区', street: '文三路 100 号 3 单元 502' };

  it('hands the full Chinese address to the phone’s map app and to Amap on the web', () => {
    const links = mapLinks(address);
    const query = encodeURIComponent('浙江省杭州市西湖区文三路 100 号 3 单元 502');
    expect(links.geo).toBe(`geo:0,0?q=${query}`);
    expect(links.amap).toBe(`https://uri.amap.com/search?keyword=${query}`);
  });

  it.each([
    // The courier's own city goes without saying on the day's list, with or without 市.
    ['杭州', address, '西湖区文三路 100 号 3 单元 502'],
    ['杭州市', address, '西湖区文三路 100 号 3 单元 502'],
    // A stop outside it keeps its city, so it stands out.
    ['深圳', address, '杭州市西湖区文三路 100 号 3 单元 502'],
    ['上海', { province: '上海市', city: '上海市', district: '浦东新区', street: '世纪大道 1 号' }, '浦东新区世纪大道 1 号'],
    ['杭州', { ...address, district: ' ' }, '文三路 100 号 3 单元 502'],
  ])('on the list of a courier in %s: %j → %s', (courierCity, stopAddress, expected) => {
    expect(shortStopAddress(stopAddress, courierCity)).toBe(expected);
  });
});

describe('photo size on the phone', () => {
  it.each([
    [4032, 3024, { width: 1600, height: 1200 }],
    [3024, 4032, { width: 1200, height: 1600 }],
    [1600, 900, { width: 1600, height: 900 }],
    [800, 600, { width: 800, height: 600 }], // never enlarged
    [10000, 10, { width: 1600, height: 2 }],
  ])('%i×%i → %j', (width, height, expected) => {
    expect(scaledSize(width, height)).toEqual(expected);
  });
});

import type { PutWarehouseRequest } from '../../shared/api/shop';

/** The demo shop's four warehouses, between them serving every province (华东, 华南, 华北, 西部). */
export const DEMO_WAREHOUSES: readonly (PutWarehouseRequest & { code: string })[] = [
  {
    code: 'SH-QP',
    name: { 'zh-CN': '上海青浦仓', en: 'Shanghai Qingpu' },
    provinces: ['上海市', '江苏省', '浙江省', '安徽省', '江西省', '山东省'],
    address: { province: '上海市', city: '上海市', district: '青浦区', street: '华新镇新凤中路 1000 号' },
  },
  {
    code: 'GZ-BY',
    name: { 'zh-CN': '广州白云仓', en: 'Guangzhou Baiyun' },
    provinces: ['广东省', '广西壮族自治区', '海南省', '福建省', '湖南省'],
    address: { province: '广东省', city: '广州市', district: '白云区', street: '太和镇大源北路 88 号' },
  },
  {
    code: 'BJ-SY',
    name: { 'zh-CN': '北京顺义仓', en: 'Beijing Shunyi' },
    provinces: ['北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省'],
    address: { province: '北京市', city: '北京市', district: '顺义区', street: '空港物流园区裕民大街 6 号' },
  },
  {
    code: 'CD-SL',
    name: { 'zh-CN': '成都双流仓', en: 'Chengdu Shuangliu' },
    provinces: ['四川省', '重庆市', '云南省', '贵州省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', '新疆维吾尔自治区', '湖北省', '河南省'],
    address: { province: '四川省', city: '成都市', district: '双流区', street: '西航港大道 2999 号' },
  },
];

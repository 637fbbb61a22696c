import { weighted } from './random';

/**
 * Cities the demo ships to, with real districts (and their approximate centres, to put the
 * addresses on the map) and real main roads, an approximate centre (to size the trunk haul
 * between hubs) and the regional sorting hub that serves them.
 * Roads are per city rather than per district: close enough for a demo, and a street that
 * sits in a neighbouring district of the right city still looks like an address.
 */
export interface DemoCity {
  province: string;
  city: string;
  districts: readonly string[];
  /** Each district's approximate centre [lat, lng] (WGS-84): where its addresses are put on the map. */
  centres: Readonly<Record<string, readonly [number, number]>>;
  roads: readonly string[];
  lat: number;
  lon: number;
  /** Name of the city whose hub sorts this city's parcels (a key of DEMO_CITIES). */
  hub: string;
  /** Share of orders going there, roughly by online-shopping population. */
  weight: number;
}

const city = (c: DemoCity): DemoCity => c;

export const DEMO_CITIES: Readonly<Record<string, DemoCity>> = {
  上海: city({ province: '上海市', city: '上海市', districts: ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区', '长宁区', '普陀区', '青浦区'],
    centres: { 浦东新区: [31.22, 121.54], 徐汇区: [31.19, 121.44], 静安区: [31.23, 121.45], 闵行区: [31.11, 121.38], 杨浦区: [31.26, 121.53], 长宁区: [31.22, 121.42], 普陀区: [31.25, 121.40], 青浦区: [31.15, 121.12] },
    roads: ['张杨路', '世纪大道', '漕溪北路', '南京西路', '虹桥路', '长宁路', '国权路', '莘松路', '金沙江路', '华新路'],
    lat: 31.23, lon: 121.47, hub: '上海', weight: 12 }),
  北京: city({ province: '北京市', city: '北京市', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '昌平区', '大兴区'],
    centres: { 朝阳区: [39.92, 116.44], 海淀区: [39.96, 116.30], 东城区: [39.93, 116.42], 西城区: [39.91, 116.37], 丰台区: [39.86, 116.29], 昌平区: [40.22, 116.23], 大兴区: [39.73, 116.34] },
    roads: ['建国路', '朝阳北路', '中关村大街', '学院路', '西直门外大街', '南三环西路', '回龙观西大街', '望京西路', '兴华大街'],
    lat: 39.9, lon: 116.41, hub: '北京', weight: 11 }),
  深圳: city({ province: '广东省', city: '深圳市', districts: ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区', '龙华区'],
    centres: { 南山区: [22.53, 113.93], 福田区: [22.54, 114.05], 罗湖区: [22.55, 114.13], 宝安区: [22.56, 113.88], 龙岗区: [22.72, 114.25], 龙华区: [22.69, 114.04] },
    roads: ['科技南路', '深南大道', '南海大道', '后海大道', '福华路', '东门中路', '宝安大道', '龙岗大道', '民治大道'],
    lat: 22.54, lon: 114.06, hub: '广州', weight: 10 }),
  广州: city({ province: '广东省', city: '广州市', districts: ['天河区', '越秀区', '海珠区', '番禺区', '白云区', '荔湾区'],
    centres: { 天河区: [23.12, 113.36], 越秀区: [23.13, 113.27], 海珠区: [23.08, 113.32], 番禺区: [22.94, 113.38], 白云区: [23.20, 113.27], 荔湾区: [23.11, 113.24] },
    roads: ['天河路', '体育西路', '中山大道', '环市东路', '江南大道', '工业大道', '广州大道', '黄埔大道', '白云大道'],
    lat: 23.13, lon: 113.26, hub: '广州', weight: 9 }),
  杭州: city({ province: '浙江省', city: '杭州市', districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区', '萧山区'],
    centres: { 西湖区: [30.26, 120.13], 上城区: [30.24, 120.17], 拱墅区: [30.32, 120.14], 滨江区: [30.21, 120.21], 余杭区: [30.40, 120.30], 萧山区: [30.16, 120.26] },
    roads: ['文三路', '天目山路', '江南大道', '文一西路', '体育场路', '延安路', '市心中路', '教工路', '莫干山路'],
    lat: 30.27, lon: 120.16, hub: '杭州', weight: 7 }),
  成都: city({ province: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '青羊区', '金牛区', '成华区', '双流区'],
    centres: { 武侯区: [30.64, 104.04], 锦江区: [30.66, 104.08], 青羊区: [30.67, 104.06], 金牛区: [30.69, 104.05], 成华区: [30.66, 104.10], 双流区: [30.57, 103.92] },
    roads: ['人民南路', '科华北路', '天府大道', '蜀汉路', '建设路', '红星路', '武侯祠大街', '府青路'],
    lat: 30.57, lon: 104.07, hub: '成都', weight: 7 }),
  重庆: city({ province: '重庆市', city: '重庆市', districts: ['渝中区', '江北区', '南岸区', '渝北区', '沙坪坝区', '九龙坡区'],
    centres: { 渝中区: [29.55, 106.57], 江北区: [29.61, 106.57], 南岸区: [29.52, 106.64], 渝北区: [29.72, 106.63], 沙坪坝区: [29.54, 106.46], 九龙坡区: [29.50, 106.51] },
    roads: ['民族路', '建新北路', '南坪正街', '金开大道', '小龙坎正街', '杨家坪正街', '中山四路'],
    lat: 29.56, lon: 106.55, hub: '成都', weight: 6 }),
  武汉: city({ province: '湖北省', city: '武汉市', districts: ['洪山区', '武昌区', '江汉区', '江岸区', '汉阳区', '东西湖区'],
    centres: { 洪山区: [30.50, 114.34], 武昌区: [30.55, 114.32], 江汉区: [30.60, 114.27], 江岸区: [30.60, 114.31], 汉阳区: [30.55, 114.22], 东西湖区: [30.62, 114.14] },
    roads: ['珞喻路', '雄楚大道', '中北路', '解放大道', '建设大道', '汉阳大道', '和平大道', '光谷大道'],
    lat: 30.59, lon: 114.31, hub: '武汉', weight: 6 }),
  南京: city({ province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区', '栖霞区'],
    centres: { 鼓楼区: [32.07, 118.77], 玄武区: [32.05, 118.80], 秦淮区: [32.03, 118.79], 建邺区: [32.00, 118.73], 江宁区: [31.95, 118.84], 栖霞区: [32.10, 118.91] },
    roads: ['中山北路', '北京西路', '中山东路', '汉中路', '江东中路', '双龙大道', '仙林大道', '龙蟠路'],
    lat: 32.06, lon: 118.8, hub: '上海', weight: 5 }),
  苏州: city({ province: '江苏省', city: '苏州市', districts: ['姑苏区', '虎丘区', '吴中区', '相城区', '吴江区'],
    centres: { 姑苏区: [31.31, 120.62], 虎丘区: [31.30, 120.57], 吴中区: [31.26, 120.63], 相城区: [31.37, 120.64], 吴江区: [31.16, 120.64] },
    roads: ['干将路', '人民路', '现代大道', '星湖街', '东吴北路', '长江路', '金鸡湖大道'],
    lat: 31.3, lon: 120.59, hub: '上海', weight: 5 }),
  西安: city({ province: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区', '莲湖区', '新城区', '未央区', '长安区'],
    centres: { 雁塔区: [34.22, 108.95], 碑林区: [34.25, 108.94], 莲湖区: [34.27, 108.93], 新城区: [34.27, 108.96], 未央区: [34.31, 108.95], 长安区: [34.16, 108.91] },
    roads: ['长安南路', '小寨东路', '高新路', '科技路', '东大街', '未央路', '含光路'],
    lat: 34.34, lon: 108.94, hub: '西安', weight: 4 }),
  长沙: city({ province: '湖南省', city: '长沙市', districts: ['岳麓区', '芙蓉区', '天心区', '开福区', '雨花区'],
    centres: { 岳麓区: [28.23, 112.91], 芙蓉区: [28.19, 113.01], 天心区: [28.11, 112.99], 开福区: [28.26, 112.99], 雨花区: [28.14, 113.04] },
    roads: ['五一大道', '芙蓉中路', '麓山南路', '韶山路', '万家丽路', '湘江中路'],
    lat: 28.23, lon: 112.94, hub: '武汉', weight: 4 }),
  天津: city({ province: '天津市', city: '天津市', districts: ['和平区', '南开区', '河西区', '河北区', '滨海新区'],
    centres: { 和平区: [39.12, 117.20], 南开区: [39.14, 117.15], 河西区: [39.11, 117.22], 河北区: [39.15, 117.20], 滨海新区: [39.03, 117.70] },
    roads: ['南京路', '卫津路', '友谊路', '黄河道', '大沽南路', '第三大街'],
    lat: 39.34, lon: 117.36, hub: '北京', weight: 4 }),
  郑州: city({ province: '河南省', city: '郑州市', districts: ['金水区', '二七区', '中原区', '管城回族区', '惠济区'],
    centres: { 金水区: [34.80, 113.66], 二七区: [34.72, 113.64], 中原区: [34.75, 113.61], 管城回族区: [34.75, 113.68], 惠济区: [34.87, 113.62] },
    roads: ['花园路', '农业路', '文化路', '中原路', '大学路', '紫荆山路'],
    lat: 34.75, lon: 113.63, hub: '郑州', weight: 4 }),
  青岛: city({ province: '山东省', city: '青岛市', districts: ['市南区', '市北区', '崂山区', '李沧区', '黄岛区'],
    centres: { 市南区: [36.07, 120.38], 市北区: [36.09, 120.37], 崂山区: [36.11, 120.47], 李沧区: [36.15, 120.43], 黄岛区: [35.96, 120.20] },
    roads: ['香港中路', '山东路', '延安三路', '辽阳西路', '海尔路'],
    lat: 36.07, lon: 120.38, hub: '郑州', weight: 3 }),
  沈阳: city({ province: '辽宁省', city: '沈阳市', districts: ['和平区', '沈河区', '皇姑区', '浑南区', '铁西区'],
    centres: { 和平区: [41.79, 123.40], 沈河区: [41.80, 123.45], 皇姑区: [41.82, 123.41], 浑南区: [41.72, 123.45], 铁西区: [41.79, 123.35] },
    roads: ['青年大街', '中华路', '北陵大街', '浑南中路', '兴华街'],
    lat: 41.8, lon: 123.43, hub: '北京', weight: 3 }),
  厦门: city({ province: '福建省', city: '厦门市', districts: ['思明区', '湖里区', '集美区', '海沧区'],
    centres: { 思明区: [24.45, 118.08], 湖里区: [24.51, 118.11], 集美区: [24.58, 118.10], 海沧区: [24.48, 117.99] },
    roads: ['湖滨南路', '厦禾路', '嘉禾路', '仙岳路', '集美大道'],
    lat: 24.48, lon: 118.09, hub: '广州', weight: 3 }),
};

export const DEMO_CITY_NAMES = Object.keys(DEMO_CITIES);

export function demoCity(name: string): DemoCity {
  const found = DEMO_CITIES[name];
  if (!found) throw new Error(`unknown demo city ${name}`);
  return found;
}

export const DESTINATION_CITIES = weighted(DEMO_CITY_NAMES.map((name) => [name, demoCity(name).weight] as const));

/** The shops' fulfilment warehouses, where every parcel starts. */
export const ORIGIN_WAREHOUSES = weighted<string>([
  ['杭州', 30],
  ['上海', 25],
  ['广州', 25],
  ['武汉', 12],
  ['成都', 8],
]);

/** Great-circle distance in km: decides trunk haul hours and how many days are promised. */
export function distanceKm(from: DemoCity, to: DemoCity): number {
  const rad = Math.PI / 180;
  const dLat = (to.lat - from.lat) * rad;
  const dLon = (to.lon - from.lon) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(from.lat * rad) * Math.cos(to.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

import { weighted } from './random';

/**
 * Cities the demo ships to, with real districts and real main roads, an approximate centre
 * (to size the trunk haul between hubs) and the regional sorting hub that serves them.
 * Roads are per city rather than per district: close enough for a demo, and a street that
 * sits in a neighbouring district of the right city still looks like an address.
 */
export interface DemoCity {
  province: string;
  city: string;
  districts: readonly string[];
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
    roads: ['张杨路', '世纪大道', '漕溪北路', '南京西路', '虹桥路', '长宁路', '国权路', '莘松路', '金沙江路', '华新路'],
    lat: 31.23, lon: 121.47, hub: '上海', weight: 12 }),
  北京: city({ province: '北京市', city: '北京市', districts: ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '昌平区', '大兴区'],
    roads: ['建国路', '朝阳北路', '中关村大街', '学院路', '西直门外大街', '南三环西路', '回龙观西大街', '望京西路', '兴华大街'],
    lat: 39.9, lon: 116.41, hub: '北京', weight: 11 }),
  深圳: city({ province: '广东省', city: '深圳市', districts: ['南山区', '福田区', '罗湖区', '宝安区', '龙岗区', '龙华区'],
    roads: ['科技南路', '深南大道', '南海大道', '后海大道', '福华路', '东门中路', '宝安大道', '龙岗大道', '民治大道'],
    lat: 22.54, lon: 114.06, hub: '广州', weight: 10 }),
  广州: city({ province: '广东省', city: '广州市', districts: ['天河区', '越秀区', '海珠区', '番禺区', '白云区', '荔湾区'],
    roads: ['天河路', '体育西路', '中山大道', '环市东路', '江南大道', '工业大道', '广州大道', '黄埔大道', '白云大道'],
    lat: 23.13, lon: 113.26, hub: '广州', weight: 9 }),
  杭州: city({ province: '浙江省', city: '杭州市', districts: ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区', '萧山区'],
    roads: ['文三路', '天目山路', '江南大道', '文一西路', '体育场路', '延安路', '市心中路', '教工路', '莫干山路'],
    lat: 30.27, lon: 120.16, hub: '杭州', weight: 7 }),
  成都: city({ province: '四川省', city: '成都市', districts: ['武侯区', '锦江区', '青羊区', '金牛区', '成华区', '双流区'],
    roads: ['人民南路', '科华北路', '天府大道', '蜀汉路', '建设路', '红星路', '武侯祠大街', '府青路'],
    lat: 30.57, lon: 104.07, hub: '成都', weight: 7 }),
  重庆: city({ province: '重庆市', city: '重庆市', districts: ['渝中区', '江北区', '南岸区', '渝北区', '沙坪坝区', '九龙坡区'],
    roads: ['民族路', '建新北路', '南坪正街', '金开大道', '小龙坎正街', '杨家坪正街', '中山四路'],
    lat: 29.56, lon: 106.55, hub: '成都', weight: 6 }),
  武汉: city({ province: '湖北省', city: '武汉市', districts: ['洪山区', '武昌区', '江汉区', '江岸区', '汉阳区', '东西湖区'],
    roads: ['珞喻路', '雄楚大道', '中北路', '解放大道', '建设大道', '汉阳大道', '和平大道', '光谷大道'],
    lat: 30.59, lon: 114.31, hub: '武汉', weight: 6 }),
  南京: city({ province: '江苏省', city: '南京市', districts: ['鼓楼区', '玄武区', '秦淮区', '建邺区', '江宁区', '栖霞区'],
    roads: ['中山北路', '北京西路', '中山东路', '汉中路', '江东中路', '双龙大道', '仙林大道', '龙蟠路'],
    lat: 32.06, lon: 118.8, hub: '上海', weight: 5 }),
  苏州: city({ province: '江苏省', city: '苏州市', districts: ['姑苏区', '虎丘区', '吴中区', '相城区', '吴江区'],
    roads: ['干将路', '人民路', '现代大道', '星湖街', '东吴北路', '长江路', '金鸡湖大道'],
    lat: 31.3, lon: 120.59, hub: '上海', weight: 5 }),
  西安: city({ province: '陕西省', city: '西安市', districts: ['雁塔区', '碑林区', '莲湖区', '新城区', '未央区', '长安区'],
    roads: ['长安南路', '小寨东路', '高新路', '科技路', '东大街', '未央路', '含光路'],
    lat: 34.34, lon: 108.94, hub: '西安', weight: 4 }),
  长沙: city({ province: '湖南省', city: '长沙市', districts: ['岳麓区', '芙蓉区', '天心区', '开福区', '雨花区'],
    roads: ['五一大道', '芙蓉中路', '麓山南路', '韶山路', '万家丽路', '湘江中路'],
    lat: 28.23, lon: 112.94, hub: '武汉', weight: 4 }),
  天津: city({ province: '天津市', city: '天津市', districts: ['和平区', '南开区', '河西区', '河北区', '滨海新区'],
    roads: ['南京路', '卫津路', '友谊路', '黄河道', '大沽南路', '第三大街'],
    lat: 39.34, lon: 117.36, hub: '北京', weight: 4 }),
  郑州: city({ province: '河南省', city: '郑州市', districts: ['金水区', '二七区', '中原区', '管城回族区', '惠济区'],
    roads: ['花园路', '农业路', '文化路', '中原路', '大学路', '紫荆山路'],
    lat: 34.75, lon: 113.63, hub: '郑州', weight: 4 }),
  青岛: city({ province: '山东省', city: '青岛市', districts: ['市南区', '市北区', '崂山区', '李沧区', '黄岛区'],
    roads: ['香港中路', '山东路', '延安三路', '辽阳西路', '海尔路'],
    lat: 36.07, lon: 120.38, hub: '郑州', weight: 3 }),
  沈阳: city({ province: '辽宁省', city: '沈阳市', districts: ['和平区', '沈河区', '皇姑区', '浑南区', '铁西区'],
    roads: ['青年大街', '中华路', '北陵大街', '浑南中路', '兴华街'],
    lat: 41.8, lon: 123.43, hub: '北京', weight: 3 }),
  厦门: city({ province: '福建省', city: '厦门市', districts: ['思明区', '湖里区', '集美区', '海沧区'],
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

import { weighted, type Random } from './random';

/**
 * The demo shop's catalogue. Category ids are short English snake_case because rules key on
 * them: no-reason returns exclude custom_made, fresh_food, digital_content and periodicals,
 * and shops may exclude beauty or underwear once unsealed.
 */
export const DEMO_PRODUCT_CATEGORIES = [
  'apparel',
  'shoes',
  'underwear',
  'electronics',
  'beauty',
  'home',
  'fresh_food',
  'packaged_food',
  'books',
  'periodicals',
  'digital_content',
  'custom_made',
] as const;

export type DemoProductCategory = (typeof DEMO_PRODUCT_CATEGORIES)[number];

export interface DemoProduct {
  /** 1-based position in DEMO_PRODUCTS; the seeder offsets it into the table's ids. */
  id: number;
  sku: string;
  name: string;
  category: DemoProductCategory;
  priceFen: number;
}

type Entry = readonly [sku: string, name: string, priceFen: number];

const CATALOGUE: Record<DemoProductCategory, readonly Entry[]> = {
  apparel: [
    ['AP-1001', '纯棉圆领短袖T恤 白色 L', 5900],
    ['AP-1002', '男士休闲长袖衬衫 浅蓝 M', 12900],
    ['AP-1003', '女士羊毛混纺针织开衫 米色', 15900],
    ['AP-1004', '轻薄白鸭绒羽绒服 女款 黑色', 39900],
    ['AP-1005', '高腰直筒牛仔裤 26码', 16900],
    ['AP-1006', '加绒连帽卫衣 灰色 XL', 13900],
  ],
  shoes: [
    ['SH-2001', '男款缓震跑步鞋 42码', 39900],
    ['SH-2002', '女款百搭小白鞋 37码', 22900],
    ['SH-2003', '儿童魔术贴运动鞋 30码', 15900],
    ['SH-2004', '户外防水登山鞋 43码', 59900],
  ],
  underwear: [
    ['UW-3001', '莫代尔男士平角内裤 3条装 L', 7900],
    ['UW-3002', '无钢圈舒适文胸 75B', 12900],
    ['UW-3003', '纯棉女士内裤 5条装 M', 6900],
    ['UW-3004', '男士德绒保暖内衣套装', 15900],
  ],
  electronics: [
    ['EL-4001', '头戴式蓝牙降噪耳机 黑色', 69900],
    ['EL-4002', '20000mAh 快充移动电源', 14900],
    ['EL-4003', 'Type-C 快充数据线 1米 两根装', 2990],
    ['EL-4004', '智能手环 心率血氧监测', 24900],
    ['EL-4005', '87键机械键盘 青轴', 29900],
    ['EL-4006', '6英寸墨水屏电子书阅读器', 99900],
  ],
  beauty: [
    ['BT-5001', '玻尿酸补水面膜 10片装', 9900],
    ['BT-5002', '氨基酸温和洁面乳 120g', 6900],
    ['BT-5003', '清爽防晒乳 SPF50+ 50ml', 12800],
    ['BT-5004', '丝绒哑光口红 #999', 32000],
    ['BT-5005', '修护精华液 30ml', 45000],
  ],
  home: [
    ['HM-6001', '泰国天然乳胶枕 一对装', 19900],
    ['HM-6002', '304不锈钢保温杯 500ml', 8900],
    ['HM-6003', '纯棉四件套 1.8米床', 29900],
    ['HM-6004', '可折叠收纳箱 三件套', 5990],
    ['HM-6005', '厨房刀具五件套', 16800],
    ['HM-6006', '家用空气炸锅 4.5L', 39900],
  ],
  fresh_food: [
    ['FF-7001', '阳澄湖大闸蟹 4对礼盒装', 39800],
    ['FF-7002', '赣南脐橙 5斤装', 3990],
    ['FF-7003', '智利车厘子 JJ级 2斤', 12900],
    ['FF-7004', '内蒙古羔羊肉卷 1kg', 8900],
    ['FF-7005', '低温鲜牛奶 950ml×2', 3580],
  ],
  packaged_food: [
    ['PF-7101', '每日坚果 30包', 12900],
    ['PF-7102', '挂耳咖啡 50包', 8900],
    ['PF-7103', '明前西湖龙井 250g', 45000],
    ['PF-7104', '柳州螺蛳粉 5袋装', 6990],
  ],
  books: [
    ['BK-8001', '《三体》全集（共3册）', 9300],
    ['BK-8002', '《活着》余华 著', 3500],
    ['BK-8003', '《深入理解计算机系统》第3版', 13900],
    ['BK-8004', '儿童启蒙绘本 10册套装', 9900],
  ],
  periodicals: [
    ['PD-8101', '《读者》2026年第22期', 800],
    ['PD-8102', '《三联生活周刊》2026年第47期', 1500],
    ['PD-8103', '《中国国家地理》2026年11月刊', 2000],
  ],
  digital_content: [
    ['DC-9001', '正版办公软件 家庭和学生版 激活卡', 39800],
    ['DC-9002', '音乐会员年卡（实体兑换卡）', 15800],
    ['DC-9003', '英语在线课程 12个月 激活卡', 69900],
  ],
  custom_made: [
    ['CM-9501', '定制刻字保温杯', 12900],
    ['CM-9502', '定制照片书 30页', 16800],
    ['CM-9503', '量体定制西装套装', 199900],
    ['CM-9504', '定制姓名项链 925银', 25900],
  ],
};

export const DEMO_PRODUCTS: readonly DemoProduct[] = DEMO_PRODUCT_CATEGORIES.flatMap((category) =>
  CATALOGUE[category].map(([sku, name, priceFen]) => ({ sku, name, category, priceFen })),
).map((product, index) => ({ id: index + 1, ...product }));

const productsByCategory = new Map(
  DEMO_PRODUCT_CATEGORIES.map((category) => [category, DEMO_PRODUCTS.filter((p) => p.category === category)]),
);

/** How often each category is in a basket: clothes and gadgets sell, periodicals rarely. */
const CATEGORY_POPULARITY = weighted<DemoProductCategory>([
  ['apparel', 18], ['shoes', 8], ['underwear', 6], ['electronics', 14], ['beauty', 12], ['home', 12],
  ['fresh_food', 8], ['packaged_food', 9], ['books', 6], ['periodicals', 2], ['digital_content', 2],
  ['custom_made', 3],
]);

/** `count` different products for one basket. */
export function pickBasket(random: Random, count: number): DemoProduct[] {
  const basket: DemoProduct[] = [];
  for (let tries = 0; basket.length < count && tries < count * 10; tries++) {
    const product = random.pick(productsByCategory.get(CATEGORY_POPULARITY.pick(random))!);
    if (!basket.includes(product)) basket.push(product);
  }
  return basket;
}

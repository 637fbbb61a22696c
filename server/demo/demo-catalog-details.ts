/**
 * What the demo catalogue's bulk rows leave out and the catalog service fills in: English
 * names, shipping weights in grams, and EAN-13 barcodes with China's 690–699 prefix.
 */
export const DEMO_PRODUCT_DETAILS: Record<string, readonly [nameEn: string, weightGrams: number]> = {
  'AP-1001': ['Cotton crew-neck T-shirt, white, L', 220],
  'AP-1002': ["Men's casual long-sleeve shirt, light blue, M", 320],
  'AP-1003': ["Women's wool-blend cardigan, beige", 450],
  'AP-1004': ['Light white-duck-down jacket, women, black', 600],
  'AP-1005': ['High-waist straight jeans, 26', 650],
  'AP-1006': ['Fleece-lined hoodie, grey, XL', 700],
  'SH-2001': ["Men's cushioned running shoes, 42", 900],
  'SH-2002': ["Women's white sneakers, 37", 800],
  'SH-2003': ["Kids' velcro sports shoes, 30", 500],
  'SH-2004': ['Waterproof hiking boots, 43', 1300],
  'UW-3001': ["Modal men's boxers, 3-pack, L", 200],
  'UW-3002': ['Wire-free comfort bra, 75B', 150],
  'UW-3003': ["Cotton women's briefs, 5-pack, M", 200],
  'UW-3004': ["Men's thermal underwear set", 500],
  'EL-4001': ['Over-ear Bluetooth noise-cancelling headphones, black', 450],
  'EL-4002': ['20000 mAh fast-charge power bank', 420],
  'EL-4003': ['USB-C fast-charge cable 1 m, 2-pack', 80],
  'EL-4004': ['Smart band with heart-rate and SpO2', 120],
  'EL-4005': ['87-key mechanical keyboard, blue switches', 1100],
  'EL-4006': ['6-inch e-ink reader', 350],
  'BT-5001': ['Hyaluronic hydrating sheet masks, 10 pcs', 300],
  'BT-5002': ['Amino-acid gentle cleanser 120 g', 160],
  'BT-5003': ['Light sunscreen SPF50+ 50 ml', 90],
  'BT-5004': ['Velvet matte lipstick #999', 60],
  'BT-5005': ['Repair serum 30 ml', 120],
  'HM-6001': ['Thai natural latex pillows, pair', 2600],
  'HM-6002': ['304 stainless steel vacuum flask 500 ml', 380],
  'HM-6003': ['Cotton bedding set, 1.8 m bed', 2200],
  'HM-6004': ['Foldable storage boxes, set of 3', 1500],
  'HM-6005': ['Kitchen knife set, 5 pieces', 1800],
  'HM-6006': ['Air fryer 4.5 L', 4800],
  'FF-7001': ['Yangcheng Lake hairy crabs, 4 pairs, gift box', 2500],
  'FF-7002': ['Gannan navel oranges 2.5 kg', 2700],
  'FF-7003': ['Chilean cherries JJ grade 1 kg', 1200],
  'FF-7004': ['Inner Mongolia lamb rolls 1 kg', 1100],
  'FF-7005': ['Fresh milk 950 ml × 2', 2000],
  'PF-7101': ['Daily mixed nuts, 30 packs', 800],
  'PF-7102': ['Drip-bag coffee, 50 bags', 700],
  'PF-7103': ['West Lake Longjing green tea 250 g', 400],
  'PF-7104': ['Liuzhou river-snail rice noodles, 5 bags', 1700],
  'BK-8001': ['The Three-Body Problem trilogy (3 vols)', 1500],
  'BK-8002': ['To Live, by Yu Hua', 300],
  'BK-8003': ["Computer Systems: A Programmer's Perspective, 3rd ed.", 1700],
  'BK-8004': ["Children's picture books, 10-book set", 1600],
  'PD-8101': ['Duzhe (Reader), 2026 issue 22', 150],
  'PD-8102': ['Sanlian Life Week, 2026 issue 47', 250],
  'PD-8103': ['Chinese National Geography, Nov 2026', 400],
  'DC-9001': ['Office suite, Home & Student, activation card', 50],
  'DC-9002': ['Music membership, 1 year (redemption card)', 50],
  'DC-9003': ['Online English course, 12 months, activation card', 50],
  'CM-9501': ['Engraved vacuum flask (custom)', 420],
  'CM-9502': ['Custom photo book, 30 pages', 900],
  'CM-9503': ['Made-to-measure suit', 2200],
  'CM-9504': ['Custom name necklace, 925 silver', 80],
};

/** An EAN-13 for a demo SKU: 693 (China), a fixed maker number, the SKU's digits, its check digit. */
export function demoBarcode(sku: string): string {
  const body = `6937600${sku.replace(/\D/g, '').padStart(5, '0').slice(-5)}`;
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

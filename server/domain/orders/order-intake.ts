import type { Kysely } from 'kysely';
import type { CreateOrderRequest } from '../../../shared/api/shop';
import { checkCoupons } from '../../../shared/orders/coupon-rules';
import { findPriceChanges, priceOrder, type CatalogLine } from '../../../shared/orders/pricing';
import { provinceIn } from '../../../shared/orders/province-names';
import { allocateStock, type StockPick } from '../../../shared/orders/stock-allocation';
import { conflict, unprocessable } from '../../app-error';
import type { Database } from '../../db/schema';
import { findProductsBySku, type Product } from '../catalog/product-repository';
import { listWarehouses, type Warehouse } from '../catalog/warehouse-repository';
import { numberFromId } from '../stock/document-numbers';
import { lockStockLevels, type StockLevel } from '../stock/stock-level-repository';
import { moveStock } from '../stock/stock-ledger';
import type { StockActor } from '../stock/stock-actor';
import { countCustomerUses, findCouponsByCode, recordRedemption, takeCouponUse, type StoredCoupon } from './coupon-repository';
import { findOrCreateCustomer } from './customer-records';
import { insertOrderLine, insertPendingOrder } from './order-repository';

export interface IntakeContext {
  now: number;
  payWithinMs: number;
  timeZone: string;
  apiKeyId: number | null;
  actor: StockActor;
}

/**
 * Order intake (订单接收 → 验证 → 确认), all in the caller's one transaction: prices from the
 * catalog, coupons checked and counted, the warehouse chosen and the stock reserved with the
 * order. Stock rows are locked before they are read, so the allocation decided is the one
 * written; moveStock's guard and the table's CHECK stand behind it. Any refusal throws and
 * nothing of the order remains. Returns the new order's id.
 */
export async function takeOrder(trx: Kysely<Database>, request: CreateOrderRequest, ctx: IntakeContext): Promise<number> {
  const products = await requireCatalog(trx, request.lines.map((l) => l.sku));
  const lines: CatalogLine[] = request.lines.map((l) => {
    const product = products.get(l.sku)!;
    return { sku: l.sku, quantity: l.quantity, catalogPriceFen: product.priceFen, category: product.category, claimedPriceFen: l.priceFen };
  });
  const changed = findPriceChanges(lines);
  if (changed.length > 0) {
    throw conflict('price_changed', `The price of ${changed.map((c) => c.sku).join(', ')} is not what was sent`, { lines: changed });
  }

  const customerId = await findOrCreateCustomer(trx, request.customer, ctx.now);
  const coupons = await requireCoupons(trx, request.couponCodes ?? []);
  const itemsTotalFen = lines.reduce((sum, l) => sum + l.quantity * l.catalogPriceFen, 0);
  const uses = new Map<string, number>();
  for (const coupon of coupons) uses.set(coupon.code, await countCustomerUses(trx, coupon.id, customerId));
  const refusals = checkCoupons(coupons, { now: ctx.now, itemsTotalFen, customerUses: (code) => uses.get(code) ?? 0 });
  if (refusals.length > 0) throw unprocessable('coupon_not_applicable', `Coupon not applicable: ${refusals.map((r) => `${r.code} (${r.reason})`).join(', ')}`, { coupons: refusals });
  const price = priceOrder({ lines, coupons, province: request.customer.address.province });

  const picks = await allocate(trx, request, products);
  const orderId = await insertPendingOrder(trx, {
    customerId,
    recipient: request.customer,
    price,
    createdAt: ctx.now,
    payBy: ctx.now + ctx.payWithinMs,
    apiKeyId: ctx.apiKeyId,
    number: (id) => numberFromId('', id, ctx.now, ctx.timeZone, 10),
  });

  for (const pick of picks) {
    const product = products.get(pick.sku)!;
    const warehouseId = pick.warehouseId;
    await insertOrderLine(trx, { orderId, productId: product.id, quantity: pick.quantity, unitPriceFen: product.priceFen, warehouseId });
    await moveStock(trx, { warehouseId, productId: product.id, kind: 'reservation', quantity: pick.quantity, orderId, actor: ctx.actor }, ctx.now, pick.level);
  }
  for (const applied of price.coupons) {
    const coupon = coupons.find((c) => c.code === applied.code)!;
    // Counted here, after the stock, so a refused order never holds a coupon use.
    if (!(await takeCouponUse(trx, coupon.id))) throw unprocessable('coupon_not_applicable', `Coupon ${coupon.code} has been used up`, { coupons: [{ code: coupon.code, reason: 'coupon_used_up' }] });
    if (coupon.perCustomerLimit !== null && (await countCustomerUses(trx, coupon.id, customerId)) >= coupon.perCustomerLimit) {
      throw unprocessable('coupon_not_applicable', `Coupon ${coupon.code} has been used as often as one customer may`, { coupons: [{ code: coupon.code, reason: 'coupon_customer_limit_reached' }] });
    }
    await recordRedemption(trx, { couponId: coupon.id, orderId, customerId, discountFen: applied.discountFen, at: ctx.now });
  }
  return orderId;
}

async function requireCatalog(trx: Kysely<Database>, skus: string[]): Promise<Map<string, Product>> {
  const products = await findProductsBySku(trx, skus);
  const unknown = skus.filter((sku) => !products.has(sku));
  if (unknown.length > 0) throw unprocessable('unknown_sku', `No such SKU in the catalog: ${unknown.join(', ')}`, { skus: unknown });
  return products;
}

async function requireCoupons(trx: Kysely<Database>, codes: string[]): Promise<StoredCoupon[]> {
  const found = await findCouponsByCode(trx, codes);
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) throw unprocessable('coupon_not_found', `No such coupon: ${unknown.join(', ')}`, { coupons: unknown.map((code) => ({ code, reason: 'coupon_not_found' })) });
  return codes.map((code) => found.get(code)!);
}

/** Where each line ships from, decided over locked stock rows; short of stock → 409 out_of_stock naming the lines. */
async function allocate(trx: Kysely<Database>, request: CreateOrderRequest, products: Map<string, Product>): Promise<(StockPick & { warehouseId: number; level: StockLevel })[]> {
  const levels = await lockStockLevels(trx, [...products.values()].map((p) => p.id));
  const warehouses = await listWarehouses(trx);
  const skuOf = new Map([...products.values()].map((p) => [p.id, p.sku]));
  const province = request.customer.address.province;
  const stock = warehouses.map((w: Warehouse) => ({
    code: w.code,
    servesProvince: provinceIn(province, w.provinces),
    available: Object.fromEntries(levels.filter((l) => l.warehouseId === w.id).map((l) => [skuOf.get(l.productId)!, l.onHand - l.reserved])),
  }));
  const allocation = allocateStock(request.lines, stock);
  if (!allocation.ok) {
    throw conflict('out_of_stock', `Not enough stock for ${allocation.short.map((s) => s.sku).join(', ')}`, { lines: allocation.short });
  }
  const idOf = new Map(warehouses.map((w) => [w.code, w.id]));
  // Each pick carries its locked row, so reserving it reads nothing again (a line split over two picks never shares a row).
  return allocation.picks.map((pick) => {
    const warehouseId = idOf.get(pick.warehouse)!;
    const productId = products.get(pick.sku)!.id;
    return { ...pick, warehouseId, level: levels.find((l) => l.warehouseId === warehouseId && l.productId === productId)! };
  });
}

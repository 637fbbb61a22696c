import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../server/demo/demo-products';
import { generateDemoBatches, generateDemoData } from '../../server/demo/generate';
import { checkTransition } from '../../shared/tracking/shipment-state-machine';
import { TRACKING_STATUSES, findSubStatus } from '../../shared/tracking/statuses';
import { isValidTrackingNo } from '../../shared/tracking/tracking-number';

const NOW = Date.UTC(2026, 10, 25, 4, 30, 0);
const DAY = 86_400_000;
const data = generateDemoData({ seed: 7, now: NOW, shipments: 300 });
const MAINLAND_MOBILE = /^1[35789]\d{9}$/;

describe('demo data generator', () => {
  it('gives the same data for the same seed and clock', () => {
    expect(generateDemoData({ seed: 7, now: NOW, shipments: 300 })).toEqual(data);
  });

  it('gives other data for another seed, but tracking numbers that ignore the clock', () => {
    const otherSeed = generateDemoData({ seed: 8, now: NOW, shipments: 50 });
    expect(otherSeed.shipments.map((s) => s.trackingNo)).not.toEqual(data.shipments.slice(0, 50).map((s) => s.trackingNo));
    const later = generateDemoData({ seed: 7, now: NOW + 3 * DAY + 12_345, shipments: 50 });
    expect(later.shipments.map((s) => s.trackingNo)).toEqual(data.shipments.slice(0, 50).map((s) => s.trackingNo));
  });

  it('does not depend on the batch size', () => {
    const rows = [...generateDemoBatches({ seed: 7, now: NOW, shipments: 300, batchSize: 37 })];
    expect(rows.flatMap((b) => b.shipments)).toEqual(data.shipments);
    expect(rows.flatMap((b) => b.orders)).toEqual(data.orders);
    expect(rows.flatMap((b) => b.customers)).toEqual(data.customers);
  });

  it('has about 300 shipments, each status at least three times', () => {
    expect(data.shipments).toHaveLength(300);
    for (const status of TRACKING_STATUSES) {
      expect(data.shipments.filter((s) => s.status === status).length, status).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes every event chain as a legal path from Pending that ends at the shipment status', () => {
    for (const shipment of data.shipments) {
      let current = 'Pending';
      for (const event of shipment.events) {
        expect(checkTransition(current, event.status), `${shipment.trackingNo}: ${current} → ${event.status}`).toEqual({ ok: true });
        expect(findSubStatus(event.subStatus)?.status).toBe(event.status);
        current = event.status;
      }
      expect(shipment.status).toBe(current);
      expect(shipment.subStatus).toBe(shipment.events.at(-1)!.subStatus);
      expect(shipment.version).toBe(1 + shipment.events.length);
    }
  });

  it('keeps events in time order, never after now and never before payment', () => {
    const orders = new Map(data.orders.map((o) => [o.id, o]));
    for (const shipment of data.shipments) {
      const order = orders.get(shipment.orderId)!;
      expect(order.createdAt).toBeLessThanOrEqual(order.paidAt);
      expect(order.paidAt).toBeLessThanOrEqual(shipment.createdAt);
      let previous = shipment.createdAt;
      for (const event of shipment.events) {
        expect(event.occurredAt).toBeGreaterThanOrEqual(previous);
        expect(event.occurredAt).toBeGreaterThanOrEqual(order.paidAt);
        expect(event.occurredAt).toBeLessThanOrEqual(NOW);
        expect(event.recordedAt).toBeGreaterThanOrEqual(event.occurredAt);
        expect(event.recordedAt).toBeLessThanOrEqual(NOW);
        previous = event.occurredAt;
      }
      expect(shipment.createdAt).toBeGreaterThan(NOW - 45 * DAY);
    }
  });

  it('records reasons on failed attempts and exceptions, couriers on doorstep events', () => {
    const events = data.shipments.flatMap((s) => s.events.map((e) => ({ ...e, shipment: s })));
    for (const e of events.filter((e) => e.status === 'AttemptFail' || e.status === 'Exception')) {
      expect(e.reasonCode).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
    for (const e of events.filter((e) => e.actorType === 'courier')) {
      expect(e.courierNo).toBe(e.shipment.courierNo);
      expect(e.courierNo).not.toBeNull();
    }
    // Failed attempts that were tried again and then delivered: the rework loop ops look for.
    const retried = data.shipments.filter((s) => {
      const statuses = s.events.map((e) => e.status);
      const failed = statuses.indexOf('AttemptFail');
      return failed >= 0 && statuses.indexOf('OutForDelivery', failed) > failed && s.status === 'Delivered';
    });
    expect(retried.length).toBeGreaterThan(0);
  });

  it('sets the promise to the end of a Shanghai day 2–4 days out, and lets some deliveries miss it', () => {
    for (const s of data.shipments) {
      expect((s.promisedBy + 1 + 8 * 3_600_000) % DAY).toBe(0);
      const days = (s.promisedBy - s.createdAt) / DAY;
      expect(days).toBeGreaterThan(2);
      expect(days).toBeLessThanOrEqual(5);
      expect(s.deliveredAt == null).toBe(s.status !== 'Delivered');
    }
    const delivered = data.shipments.filter((s) => s.deliveredAt != null);
    expect(delivered.some((s) => s.deliveredAt! > s.promisedBy)).toBe(true);
    expect(delivered.filter((s) => s.deliveredAt! <= s.promisedBy).length).toBeGreaterThan(delivered.length / 2);
  });

  it('uses mainland mobile numbers', () => {
    for (const c of data.customers) expect(c.phone).toMatch(MAINLAND_MOBILE);
    for (const o of data.orders) expect(o.recipientPhone).toMatch(MAINLAND_MOBILE);
  });

  it('adds the money up in whole fen', () => {
    const prices = new Map(DEMO_PRODUCTS.map((p) => [p.id, p.priceFen]));
    for (const o of data.orders) {
      expect(o.items.length).toBeGreaterThan(0);
      const itemsTotal = o.items.reduce((sum, i) => sum + i.quantity * i.unitPriceFen, 0);
      for (const i of o.items) expect(i.unitPriceFen).toBe(prices.get(i.productId));
      expect(o.itemsTotalFen).toBe(itemsTotal);
      expect(o.paidTotalFen).toBe(o.itemsTotalFen - o.discountFen + o.shippingFen);
      expect(o.discountFen).toBeGreaterThanOrEqual(0);
      expect(o.discountFen).toBeLessThan(o.itemsTotalFen);
      for (const fen of [o.itemsTotalFen, o.discountFen, o.shippingFen, o.paidTotalFen]) expect(Number.isInteger(fen)).toBe(true);
    }
    expect(data.orders.some((o) => o.discountFen > 0)).toBe(true);
    expect(data.orders.some((o) => o.shippingFen === 0)).toBe(true);
    expect(data.orders.some((o) => o.shippingFen > 0)).toBe(true);
  });

  it('issues valid, unique tracking and order numbers', () => {
    const trackingNos = data.shipments.map((s) => s.trackingNo);
    for (const no of trackingNos) expect(isValidTrackingNo(no), no).toBe(true);
    expect(new Set(trackingNos).size).toBe(trackingNos.length);
    expect(new Set(data.orders.map((o) => o.orderNo)).size).toBe(data.orders.length);
  });
});

import { customerProfile, demoCustomerCount } from './demo-customers';
import type { DemoBatch, DemoDataSet } from './demo-model';
import { makeDemoParcel } from './demo-parcel';
import { DEMO_PRODUCTS } from './demo-products';

/**
 * The deterministic demo data set: customers, the catalogue, paid orders and their
 * shipments with full event logs, spread over the 30 days before `now`, with parcels in
 * every status. Pure: no database, no clock, no Math.random; the same seed and `now` give
 * the same rows, and tracking numbers depend on the seed alone.
 *
 * Big runs (a million shipments, ten million events) come out in batches, so memory
 * holds one batch at a time; small ones can take the whole set with generateDemoData.
 */
export const DEFAULT_DEMO_SEED = 20261125;
export const DEFAULT_DEMO_SHIPMENTS = 300;
const DEFAULT_BATCH_SIZE = 5_000;

export interface DemoGenerationOptions {
  seed?: number;
  /** Epoch ms: no event is later than this. */
  now: number;
  shipments?: number;
  /** Orders (or customers) per batch. */
  batchSize?: number;
}

interface ResolvedOptions {
  seed: number;
  now: number;
  shipments: number;
  batchSize: number;
}

function resolve(options: DemoGenerationOptions): ResolvedOptions {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const shipments = options.shipments ?? DEFAULT_DEMO_SHIPMENTS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  if (!Number.isSafeInteger(shipments) || shipments < 0) {
    throw new RangeError(`shipments must be a non-negative integer, got ${shipments}`);
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be ≥ 1, got ${batchSize}`);
  if (!Number.isFinite(options.now)) throw new RangeError('now must be epoch milliseconds');
  return { seed, now: options.now, shipments, batchSize };
}

function emptyBatch(): DemoBatch {
  return { customers: [], products: [], orders: [], shipments: [] };
}

/**
 * Batches in insertion order: first the catalogue and all customers (orders refer to
 * them), then orders with their shipments. Each order batch is self-contained.
 */
export function* generateDemoBatches(options: DemoGenerationOptions): Generator<DemoBatch> {
  const { seed, now, shipments, batchSize } = resolve(options);
  const customerCount = demoCustomerCount(shipments);
  for (let first = 1; first <= customerCount; first += batchSize) {
    const batch = emptyBatch();
    if (first === 1) batch.products = DEMO_PRODUCTS.map((product) => ({ ...product }));
    const last = Math.min(customerCount, first + batchSize - 1);
    for (let id = first; id <= last; id++) batch.customers.push(customerProfile(seed, id, now).customer);
    yield batch;
  }
  for (let first = 0; first < shipments; first += batchSize) {
    const batch = emptyBatch();
    const end = Math.min(shipments, first + batchSize);
    for (let index = first; index < end; index++) {
      const { order, shipment } = makeDemoParcel(seed, now, index, customerCount);
      batch.orders.push(order);
      batch.shipments.push(shipment);
    }
    yield batch;
  }
}

/** The whole data set in memory: for the default few hundred shipments and for tests. */
export function generateDemoData(options: DemoGenerationOptions): DemoDataSet {
  const all = emptyBatch();
  for (const batch of generateDemoBatches(options)) {
    all.customers.push(...batch.customers);
    all.products.push(...batch.products);
    all.orders.push(...batch.orders);
    all.shipments.push(...batch.shipments);
  }
  return all;
}

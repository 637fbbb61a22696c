import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/create-db';
import type { Database } from '../db/schema';
import { fillPostgres } from './demo-fill-postgres';
import { fillSqlite } from './demo-fill-sqlite';
import type { DemoBatch } from './demo-model';
import type { DemoKeys } from './demo-rows';
import { refreshAnalyticsRollups } from '../domain/analytics/rollup-refresh';
import { ensureRoundOrdered } from '../domain/courier/courier-route';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoReturns } from './demo-returns';
import { seedDemoShop } from './seed-demo-shop';
import { seedDemoDemandHistory } from './demo-demand-history';
import { playDemoFulfilment } from './demo-fulfilment-play';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SHIPMENTS, generateDemoBatches } from './generate';
import { ensureDemoAccounts } from './seed-demo-accounts';

export interface SeedDemoOptions {
  /** Epoch ms the demo's clock stops at: every event is at or before it. */
  now: number;
  seed?: number;
  shipments?: number;
  /** Called after each batch with the shipments written so far; the CLI prints it. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Returns in every state and lost-parcel claims, played through the real services. Needs
   * the upload folder (for the customers' evidence photos) and the shop's time zone (for
   * return windows); left out by the bulk CLI, whose millions of parcels need no stories.
   */
  afterSales?: { uploadDir: string; timeZone: string };
}

export interface SeedDemoResult {
  seeded: boolean;
  shipments: number;
  events: number;
  returns: number;
  claims: number;
  /** Feedback given on delivered parcels (after-sales only). */
  feedback: number;
  /** Orders placed through order intake (after-sales only): waiting, paid, cancelled. */
  shopOrders: number;
}

async function maxId(db: Kysely<Database>, table: 'customers' | 'products' | 'orders' | 'shipments'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * Fills a database that has no shipments yet with the deterministic demo data set; leaves
 * any other database alone. Prints nothing.
 */
export async function seedDemoIfEmpty(handle: DatabaseHandle, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const { db } = handle;
  if (await db.selectFrom('shipments').select('id').limit(1).executeTakeFirst()) {
    return { seeded: false, shipments: 0, events: 0, returns: 0, claims: 0, feedback: 0, shopOrders: 0 };
  }
  const total = options.shipments ?? DEFAULT_DEMO_SHIPMENTS;
  const courierIds = await ensureDemoAccounts(db, options.now);
  // Normally all zero; past ids if someone left customers or products without parcels.
  const keys: DemoKeys = {
    customerIdOffset: await maxId(db, 'customers'),
    productIdOffset: await maxId(db, 'products'),
    orderIdOffset: await maxId(db, 'orders'),
    shipmentIdOffset: await maxId(db, 'shipments'),
    courierIds,
  };
  const batches = generateDemoBatches({ seed: options.seed ?? DEFAULT_DEMO_SEED, now: options.now, shipments: total });

  let shipments = 0;
  let events = 0;
  const afterBatch = (batch: DemoBatch): void => {
    shipments += batch.shipments.length;
    for (const shipment of batch.shipments) events += shipment.events.length;
    if (batch.shipments.length > 0) options.onProgress?.(shipments, total);
  };
  options.onProgress?.(0, total);
  if (handle.sqlite) await fillSqlite(handle.sqlite, batches, keys, afterBatch);
  else await fillPostgres(db, batches, keys, afterBatch);
  // The shop behind the parcels (catalog, warehouses, stock through the ledger, new orders);
  // before the returns, so accepted returns go back on the shelf through the ledger.
  const shop = options.afterSales ? await seedDemoShop(db, { now: options.now, timeZone: options.afterSales.timeZone }) : { orders: 0 };
  // Eight weeks of steady shop demand with a weekly rhythm, for the replenishment forecast.
  if (options.afterSales) await seedDemoDemandHistory(db, { now: options.now, timeZone: options.afterSales.timeZone });
  // The last two days through the warehouse: waves, picks, packs, hand-overs, carrier pushes.
  if (options.afterSales) await playDemoFulfilment(db, { now: options.now, timeZone: options.afterSales.timeZone });
  const afterSales = options.afterSales ? await seedDemoReturns(db, { now: options.now, ...options.afterSales }) : { returns: 0, claims: 0 };
  const feedback = options.afterSales ? (await seedDemoFeedback(db, { now: options.now })).feedback : 0;
  // Each courier's round in route order for the demo's day (the bulk CLI leaves it to the first manifest).
  if (options.afterSales) for (const id of courierIds) await ensureRoundOrdered(db, id, { now: options.now, timeZone: options.afterSales.timeZone });
  // The dashboard's roll-ups are built now, while nobody waits, rather than by its first request.
  if (options.afterSales) await refreshAnalyticsRollups(db, options.afterSales.timeZone, options.now);
  return { seeded: true, shipments, events, ...afterSales, feedback, shopOrders: shop.orders };
}

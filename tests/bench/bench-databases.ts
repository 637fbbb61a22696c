import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDb } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { seedDemoIfEmpty } from '../../server/demo/seed-demo';
import { exists } from './bench-support';

/** Fixed "now" so a bench database made today and one made next month hold the same data. */
export const BENCH_NOW = Date.UTC(2026, 10, 25, 4, 0, 0);

/**
 * A demo database with `shipments` shipments under .bench/, made once and reused: the 1 M
 * one takes minutes to fill, and its contents never change for a given size.
 */
export async function benchDatabase(shipments: number): Promise<string> {
  mkdirSync('.bench', { recursive: true });
  const path = resolve('.bench', `shipments-${shipments}.db`);
  if (exists(path)) {
    const handle = createDb(`sqlite:${path}`);
    // A database made by an older checkout gains the newer columns (empty) rather than a refill.
    await migrateToLatest(handle.db);
    const row = await handle.db.selectFrom('shipments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    await handle.close();
    if (Number(row?.n) === shipments) return path;
  }
  console.log(`  filling ${path} with ${shipments.toLocaleString('en')} shipments (once; reused by later runs)…`);
  const handle = createDb(`sqlite:${path}`);
  await migrateToLatest(handle.db);
  const started = Date.now();
  let lastPrint = 0;
  const result = await seedDemoIfEmpty(handle, {
    now: BENCH_NOW,
    shipments,
    onProgress: (done, total) => {
      if (Date.now() - lastPrint > 15_000) {
        lastPrint = Date.now();
        console.log(`    ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      }
    },
  });
  await handle.close();
  console.log(`  filled in ${((Date.now() - started) / 1000).toFixed(0)} s: ${result.events.toLocaleString('en')} events`);
  return path;
}

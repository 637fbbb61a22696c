import { parseArgs } from 'node:util';
import { createDb } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { DEFAULT_DEMO_SEED, DEFAULT_DEMO_SHIPMENTS } from './generate';
import { readConfig } from '../config';
import { refreshAnalyticsRollups } from '../domain/analytics/rollup-refresh';
import { seedDemoIfEmpty } from './seed-demo';

/**
 * `tsx server/demo/cli.ts [--shipments N] [--database URL] [--seed S]`: migrates a database
 * and fills it with the demo data set, e.g. a million parcels for the benchmarks.
 */
const USAGE = `Usage: tsx server/demo/cli.ts [--shipments N] [--database URL] [--seed S]
  --shipments N   how many orders/shipments to generate (default ${DEFAULT_DEMO_SHIPMENTS}, at most 10000000)
  --database URL  sqlite:<path> or postgres://… (default: $DATABASE_URL or sqlite:data/doorstep.db)
  --seed S        seed of the generator, a non-negative integer (default ${DEFAULT_DEMO_SEED})`;

const MAX_SHIPMENTS = 10_000_000;

function parseWholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const cleaned = raw.replaceAll('_', '');
  const value = /^\d+$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isSafeInteger(value) || value > max) throw new Error(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return value;
}

function readOptions(): { shipments: number; database: string; seed: number } | null {
  const { values } = parseArgs({
    options: {
      shipments: { type: 'string' },
      database: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const database = values.database ?? (process.env.DATABASE_URL || 'sqlite:data/doorstep.db');
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(database)) {
    throw new Error(`--database must be sqlite:<path> or postgres://…, got "${database}"`);
  }
  return {
    shipments: parseWholeNumber('shipments', values.shipments, DEFAULT_DEMO_SHIPMENTS, MAX_SHIPMENTS),
    database,
    seed: parseWholeNumber('seed', values.seed, DEFAULT_DEMO_SEED, 2 ** 32 - 1),
  };
}

const count = (n: number): string => n.toLocaleString('en-US');

async function main(): Promise<number> {
  let options;
  try {
    options = readOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const handle = createDb(options.database);
  try {
    await migrateToLatest(handle.db);
    const started = performance.now();
    let lastPrinted = 0;
    const result = await seedDemoIfEmpty(handle, {
      now: Date.now(),
      seed: options.seed,
      shipments: options.shipments,
      onProgress: (done, total) => {
        const elapsed = performance.now() - started;
        // The first call comes only once the database was found empty and accounts exist.
        if (done === 0) {
          console.log(`Generating ${count(total)} shipments (seed ${options.seed}) into ${options.database}`);
          return;
        }
        if (done === total || elapsed - lastPrinted >= 5_000) {
          lastPrinted = elapsed;
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          console.log(`  ${count(done)} / ${count(total)} shipments (${percent} %) after ${(elapsed / 1000).toFixed(1)} s`);
        }
      },
    });
    if (!result.seeded) {
      console.error('That database already has shipments, so nothing was added. Point --database at a new file.');
      return 1;
    }
    // The ops dashboard reads roll-ups of the event log: build them once here (minutes for
    // millions of events) instead of in the first dashboard request.
    console.log('Building the ops dashboard roll-ups…');
    await refreshAnalyticsRollups(handle.db, readConfig().shopTimeZone, Date.now());
    const seconds = (performance.now() - started) / 1000;
    const rows = result.shipments + result.events;
    console.log(
      `Done: ${count(result.shipments)} shipments and ${count(result.events)} tracking events in ${seconds.toFixed(1)} s ` +
        `(${count(Math.round(rows / seconds))} shipments+events/s)`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

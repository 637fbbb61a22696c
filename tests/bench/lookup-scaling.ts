import { createDb } from '../../server/db/create-db';
import { getPublicViewJson } from '../../server/domain/tracking/tracking-service';
import { BENCH_NOW, benchDatabase } from './bench-databases';
import { line, median } from './bench-support';

const LOOKUPS = 3_000;

/** Median time of the tracking view (shipment + destination + its events) for random parcels. */
async function medianLookupMs(path: string): Promise<number> {
  const handle = createDb(`sqlite:${path}`);
  const ids = await handle.db.selectFrom('shipments').select('tracking_no').execute();
  // A fixed stride through the table: random enough to defeat locality, the same every run.
  const sample = Array.from({ length: LOOKUPS }, (_, i) => ids[(i * 7_919) % ids.length]!.tracking_no);
  for (const no of sample.slice(0, 200)) await getPublicViewJson(handle.db, no, BENCH_NOW); // warm up
  const times: number[] = [];
  for (const no of sample) {
    const started = performance.now();
    await getPublicViewJson(handle.db, no, BENCH_NOW);
    times.push(performance.now() - started);
  }
  await handle.close();
  return median(times);
}

export async function benchLookupScaling(options: { big: number }) {
  console.log('\nTracking lookup as the data grows');
  const small = await medianLookupMs(await benchDatabase(10_000));
  const big = await medianLookupMs(await benchDatabase(options.big));
  const ratio = big / small;
  line('median lookup, 10 k shipments', `${(small * 1000).toFixed(0)} µs`, '', null);
  line(`median lookup, ${(options.big / 1e6).toFixed(options.big < 1e6 ? 2 : 0)} M shipments`, `${(big * 1000).toFixed(0)} µs`, '', null);
  line('ratio', `${ratio.toFixed(2)}×`, '≤ 1.5×', ratio <= 1.5);
}

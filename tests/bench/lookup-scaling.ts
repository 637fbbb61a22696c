import { createDb } from '../../server/db/create-db';
import { getPublicViewJson } from '../../server/domain/tracking/tracking-service';
import { BENCH_NOW, benchDatabase } from './bench-databases';
import { line, median } from './bench-support';

const LOOKUPS = 3_000;

/**
 * Median time of the tracking view read from the database (getPublicViewJson: the point read
 * of the shipment row and the JSON around its stored timeline; never the server's view cache,
 * which would make the figure a Map lookup at any size) for a fixed sample of parcels.
 *
 * Timed on the second pass over the sample, after an untimed first one. A lookup reads about
 * six pages (two b-tree descents), and the first time a process touches a page it pays for
 * the page itself: a fault to map it, or a copy from the OS cache. Timing the first pass
 * measured how many of those pages happened to be touched already, not the read: 3 000
 * lookups among 10 k parcels share most of their pages (two or three parcels to a page, and
 * the kernel maps the pages around each fault), while among 100 k or 1 M nearly every lookup
 * brings its own. A server reads the same parcels again and again (an open page, its polls,
 * the SMS link), so the figure is the read of a parcel read before. The first pass is printed
 * beside it.
 */
async function medianLookupMs(path: string): Promise<{ firstTouch: number; reread: number }> {
  const handle = createDb(`sqlite:${path}`);
  const ids = await handle.db.selectFrom('shipments').select('tracking_no').execute();
  // A fixed stride through the table: random enough to defeat locality, the same every run.
  const sample = Array.from({ length: LOOKUPS }, (_, i) => ids[(i * 7_919) % ids.length]!.tracking_no);
  const pass = async () => {
    const times: number[] = [];
    for (const no of sample) {
      const started = performance.now();
      await getPublicViewJson(handle.db, no, BENCH_NOW);
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const firstTouch = await pass();
  const reread = await pass();
  await handle.close();
  return { firstTouch, reread };
}

export async function benchLookupScaling(options: { big: number }) {
  console.log('\nTracking lookup as the data grows (the read from the database, not the view cache)');
  const small = await medianLookupMs(await benchDatabase(10_000));
  const big = await medianLookupMs(await benchDatabase(options.big));
  const bigName = `${(options.big / 1e6).toFixed(options.big < 1e6 ? 2 : 0)} M shipments`;
  const ratio = big.reread / small.reread;
  const µs = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
  line('median lookup, 10 k shipments', µs(small.reread), '', null);
  line(`median lookup, ${bigName}`, µs(big.reread), '', null);
  line('ratio', `${ratio.toFixed(2)}×`, '≤ 1.5×', ratio <= 1.5);
  line('  first touch of each page (10 k / big)', `${µs(small.firstTouch)} / ${µs(big.firstTouch)}: ${(big.firstTouch / small.firstTouch).toFixed(2)}×`, '', null);
}

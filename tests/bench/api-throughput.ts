import autocannon from 'autocannon';
import { createDb } from '../../server/db/create-db';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getPublicViewJson } from '../../server/domain/tracking/tracking-service';
import { BENCH_NOW, benchDatabase } from './bench-databases';
import { freePort, line, median, startProcess, stopProcess } from './bench-support';

/** Seconds per slice; each server gets ROUNDS slices, taken in turns. */
const SLICE_S = 5;
const ROUNDS = 3;
/** Servers on core 1, this process (the load generator) on core 0: both measured the same way. */
const SERVER_CPU = 1;
const LOAD_CPU = 0;
const CONNECTIONS = 32;

/** CPU time a process has used so far, in µs (Linux: user + system clock ticks of 10 ms). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function load(server: ChildProcess, url: string, paths: string[], seconds = SLICE_S) {
  let i = 0;
  const cpuBefore = cpuMicros(server.pid!);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  const cpuPerRequest = (cpuMicros(server.pid!) - cpuBefore) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequest };
}

type Load = Awaited<ReturnType<typeof load>>;
const range = (values: number[], digits = 0) => {
  const lo = Math.min(...values).toFixed(digits);
  const hi = Math.max(...values).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

/** Same load generator, same machine, same run: bare Hono and the tracking view in turns. */
export async function benchApiThroughput() {
  if (existsSync('/usr/bin/taskset')) execFileSync('/usr/bin/taskset', ['-p', '-c', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
  console.log(`\nGET /api/track/:no throughput (${CONNECTIONS} connections, ${ROUNDS} turns of ${SLICE_S} s each)`);
  const dbPath = await benchDatabase(10_000);
  const handle = createDb(`sqlite:${dbPath}`);
  const numbers = (await handle.db.selectFrom('shipments').select('tracking_no').limit(2_000).execute()).map(
    (r) => `/api/track/${r.tracking_no}`,
  );
  const sampleBody = await getPublicViewJson(handle.db, numbers[0]!.slice('/api/track/'.length), BENCH_NOW);
  await handle.close();
  const bodyFile = resolve('.bench', 'tracking-view-sample.json');
  writeFileSync(bodyFile, sampleBody);

  const helloPort = await freePort();
  const appPort = await freePort();
  const hello = await startProcess(
    'tests/bench/hello-server.ts',
    { PORT: String(helloPort), BODY_FILE: bodyFile },
    `http://127.0.0.1:${helloPort}/`,
    { cpu: SERVER_CPU },
  );
  const app = await startProcess(
    'server/index.ts',
    { PORT: String(appPort), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${dbPath}`, DEMO: 'off', LOG_REQUESTS: 'off' },
    `http://127.0.0.1:${appPort}/api/health`,
    { cpu: SERVER_CPU },
  );
  const helloUrl = `http://127.0.0.1:${helloPort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  // Both servers stay up, idle while the other is loaded, and take turns in short slices: the
  // machine is shared, and a neighbour's burst during one long run would otherwise decide the
  // ratio. Each pair of slices gives one ratio; the figure is their median, beside the range.
  // The tracking numbers cycle through 2,000 parcels, so the app's view cache (5 s) is filled
  // during the warm-up and then refreshed from the database as its entries expire, as in use.
  await load(hello, helloUrl, ['/'], 2);
  await load(app, appUrl, numbers, 2);
  const runs: Array<{ bare: Load; sameBody: Load; tracking: Load }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    runs.push({ bare: await load(hello, helloUrl, ['/']), sameBody: await load(hello, helloUrl, ['/same-body']), tracking: await load(app, appUrl, numbers) });
  }
  await stopProcess(hello);
  await stopProcess(app);

  const shares = runs.map((r) => r.tracking.rps / r.bare.rps);
  const share = median(shares);
  line('bare Hono hello-world', `${range(runs.map((r) => r.bare.rps))} req/s`, '', null);
  line(
    `bare Hono, a fixed ${(sampleBody.length / 1024).toFixed(1)} K-char tracking body`,
    `${range(runs.map((r) => r.sameBody.rps))} req/s (${range(runs.map((r) => (r.sameBody.rps / r.bare.rps) * 100))} %)`,
    '',
    null,
  );
  line('GET /api/track/:no', `${range(runs.map((r) => r.tracking.rps))} req/s`, '', null);
  line('  latency p50 / p99', `${range(runs.map((r) => r.tracking.p50))} ms / ${range(runs.map((r) => r.tracking.p99))} ms`, '', null);
  line('tracking as a share of bare Hono', `${(share * 100).toFixed(0)} % (turns: ${range(shares.map((s) => s * 100))} %)`, '≥ 60 %', share >= 0.6);
  // The same comparison by the servers' own CPU time per request, which a neighbour's load
  // on the machine disturbs far less than it does requests per second.
  const cpuShares = runs.map((r) => r.bare.cpuPerRequest / r.tracking.cpuPerRequest);
  line(
    '  by server CPU per request (hello / tracking)',
    `${range(runs.map((r) => r.bare.cpuPerRequest))} / ${range(runs.map((r) => r.tracking.cpuPerRequest))} µs = ${(median(cpuShares) * 100).toFixed(0)} %`,
    '',
    null,
  );
}

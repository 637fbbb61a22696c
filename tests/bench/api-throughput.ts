import autocannon from 'autocannon';
import { createDb } from '../../server/db/create-db';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getPublicViewJson } from '../../server/domain/tracking/tracking-service';
import { BENCH_NOW, benchDatabase } from './bench-databases';
import { freePort, line, startProcess, stopProcess } from './bench-support';

const DURATION_S = 10;
/** Servers on core 1, this process (the load generator) on core 0: both measured the same way. */
const SERVER_CPU = 1;
const LOAD_CPU = 0;
const CONNECTIONS = 32;

async function load(url: string, paths: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Same load generator, same machine, same run: bare Hono first, then the tracking view. */
export async function benchApiThroughput() {
  if (existsSync('/usr/bin/taskset')) execFileSync('/usr/bin/taskset', ['-p', '-c', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
  console.log(`\nGET /api/track/:no throughput (${CONNECTIONS} connections, ${DURATION_S} s each)`);
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
  const hello = await startProcess(
    'tests/bench/hello-server.ts',
    { PORT: String(helloPort), BODY_FILE: bodyFile },
    `http://127.0.0.1:${helloPort}/`,
    { cpu: SERVER_CPU },
  );
  const bare = await load(`http://127.0.0.1:${helloPort}`, ['/']);
  const sameBody = await load(`http://127.0.0.1:${helloPort}`, ['/same-body']);
  await stopProcess(hello);

  const appPort = await freePort();
  const app = await startProcess(
    'server/index.ts',
    { PORT: String(appPort), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${dbPath}`, DEMO: 'off', LOG_REQUESTS: 'off' },
    `http://127.0.0.1:${appPort}/api/health`,
    { cpu: SERVER_CPU },
  );
  const tracking = await load(`http://127.0.0.1:${appPort}`, numbers);
  await stopProcess(app);

  const share = tracking.rps / bare.rps;
  line('bare Hono hello-world', `${bare.rps.toFixed(0)} req/s`, '', null);
  line(`bare Hono, a fixed ${(sampleBody.length / 1024).toFixed(1)} K-char tracking body`, `${sameBody.rps.toFixed(0)} req/s (${((sameBody.rps / bare.rps) * 100).toFixed(0)} %)`, '', null);
  line('GET /api/track/:no', `${tracking.rps.toFixed(0)} req/s`, '', null);
  line('  latency p50 / p99', `${tracking.p50} ms / ${tracking.p99} ms`, '', null);
  line('tracking as a share of bare Hono', `${(share * 100).toFixed(0)} %`, '≥ 60 %', share >= 0.6);
}

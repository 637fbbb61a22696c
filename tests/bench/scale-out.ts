import autocannon from 'autocannon';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CourierReport } from '../../shared/courier/courier-report';
import { createDb } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { getPublicViewJson } from '../../server/domain/tracking/tracking-service';
import { createCourier } from '../support/accounts';
import { createParcel } from '../support/factories';
import { startPostgres } from '../support/postgres-server';
import { freePort, line, startProcess, stopProcess } from './bench-support';

const PARCELS = 3_000;
const BATCH = 100;
const DURATION_S = 10;
const CONNECTIONS = 16; // per instance
/** Servers on core 1, the load generator on core 0; PostgreSQL floats. */
const SERVER_CPU = 1;
const LOAD_CPU = 0;

/**
 * The throughput ratios again, with two instances on one PostgreSQL (the scale-out set-up):
 * tracking reads through both against two bare Hono servers, and courier sync through both
 * (over HTTP, as phones send) against raw `pg` writing the same rows from two connections.
 */
export async function benchScaleOut() {
  if (existsSync('/usr/bin/taskset')) execFileSync('/usr/bin/taskset', ['-p', '-c', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' });
  console.log(`\nTwo instances on one PostgreSQL (${PARCELS} parcels; reads ${CONNECTIONS} connections per instance for ${DURATION_S} s; sync in batches of ${BATCH})`);
  const server = startPostgres(await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-scale-bench-'));
  const children: ChildProcess[] = [];
  try {
    const handle = createDb(server.url);
    await migrateToLatest(handle.db);
    const courier = await createCourier(handle.db);
    const trackingNos: string[] = [];
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2 * PARCELS; i++) {
        trackingNos.push((await createParcel(trx, { courierId: courier.id, events: [{ status: 'InTransit', occurredAt: Date.UTC(2026, 10, 20) }] })).trackingNo);
      }
    });
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, await getPublicViewJson(handle.db, trackingNos[0]!, Date.now()));

    // Reads: two bare Hono servers, then two instances, each loaded at once.
    const bare = await Promise.all([0, 1].map(async () => {
      const port = await freePort();
      const child = await startProcess('tests/bench/hello-server.ts', { PORT: String(port), BODY_FILE: bodyFile }, `http://127.0.0.1:${port}/`, { cpu: SERVER_CPU });
      children.push(child);
      return { child, url: `http://127.0.0.1:${port}` };
    }));
    const bareRps = await loadBoth(bare.map((s) => s.url), ['/']);
    for (const s of bare) await stopProcess(s.child);
    const instances = await Promise.all([0, 1].map(async () => {
      const port = await freePort();
      const env = { PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: server.url, DEMO: 'off', LOG_REQUESTS: 'off', BUILD_CLIENT: 'off', UPLOAD_DIR: join(dir, 'uploads') };
      const child = await startProcess('server/index.ts', env, `http://127.0.0.1:${port}/api/health`, { cpu: SERVER_CPU });
      children.push(child);
      return { child, url: `http://127.0.0.1:${port}` };
    }));
    const trackRps = await loadBoth(instances.map((s) => s.url), trackingNos.slice(0, 2_000).map((no) => `/api/track/${no}`));

    // Sync: each instance takes half the parcels, batch after batch, both at once.
    const cookies = await Promise.all(instances.map((s) => signIn(s.url, courier.phone, courier.password)));
    const deviceIds = [randomUUID(), randomUUID()];
    let started = performance.now();
    await Promise.all(instances.map(async (s, k) => {
      const mine = trackingNos.slice(k * (PARCELS / 2), (k + 1) * (PARCELS / 2));
      for (let i = 0; i < mine.length; i += BATCH) {
        const reports: CourierReport[] = mine.slice(i, i + BATCH).map((trackingNo, j) => ({ id: randomUUID(), deviceId: deviceIds[k]!, seq: i + j + 1, trackingNo, kind: 'out_for_delivery', occurredAt: Date.now() - 1_000, shipmentVersion: 2 }));
        const res = await fetch(`${s.url}/api/courier/sync`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies[k]! }, body: JSON.stringify({ sentAt: Date.now(), reports }) });
        const body = (await res.json()) as { results?: Array<{ outcome: string }> };
        if (res.status !== 200 || body.results!.some((r) => r.outcome !== 'applied')) throw new Error(`bench sync not applied: ${res.status}`);
      }
    }));
    const syncRate = PARCELS / ((performance.now() - started) / 1000);
    for (const s of instances) await stopProcess(s.child);

    // The floor: the same rows from two raw connections, one transaction per batch.
    const rawParcels = trackingNos.slice(PARCELS);
    const ids = await handle.db.selectFrom('shipments').select(['id', 'tracking_no', 'public_timeline']).where('tracking_no', 'in', rawParcels).execute();
    await handle.close();
    const clients = [new pg.Client({ connectionString: server.url }), new pg.Client({ connectionString: server.url })];
    await Promise.all(clients.map((c) => c.connect()));
    started = performance.now();
    await Promise.all(clients.map(async (client, k) => {
      const mine = ids.slice(k * (PARCELS / 2), (k + 1) * (PARCELS / 2));
      for (let i = 0; i < mine.length; i += BATCH) {
        await client.query('BEGIN');
        for (const [j, s] of mine.slice(i, i + BATCH).entries()) {
          const now = Date.now();
          const reportId = randomUUID();
          await client.query({ name: 'event', text: `insert into tracking_events (shipment_id, status, sub_status, occurred_at, recorded_at, city, actor_type, actor_id, report_id, device_seq) values ($1, 'OutForDelivery', 'OutForDelivery_001', $2, $2, '深圳市', 'courier', $3, $4, $5)`, values: [s.id, now, courier.id, reportId, i + j + 1] });
          await client.query({ name: 'report', text: `insert into courier_reports (id, courier_id, device_id, device_seq, body_hash, tracking_no, kind, occurred_at, received_at, outcome, code, message, shipment_version) values ($1, $2, $3, $4, 'h', $5, 'out_for_delivery', $6, $6, 'applied', 'applied', 'Recorded', 3)`, values: [reportId, courier.id, deviceIds[k], i + j + 1, s.tracking_no, now] });
          const timeline = JSON.parse(s.public_timeline) as unknown[];
          timeline.unshift({ status: 'OutForDelivery', subStatus: 'OutForDelivery_001', occurredAt: now, place: { province: '广东省', city: '深圳市' }, reasonCode: null });
          await client.query({ name: 'ship', text: `update shipments set status = 'OutForDelivery', sub_status = 'OutForDelivery_001', version = version + 1, updated_at = $1, public_timeline = $2 where id = $3`, values: [now, JSON.stringify(timeline), s.id] });
        }
        await client.query('COMMIT');
      }
    }));
    const rawRate = PARCELS / ((performance.now() - started) / 1000);
    await Promise.all(clients.map((c) => c.end()));

    line('two bare Hono servers', `${bareRps.toFixed(0)} req/s`, '', null);
    line('GET /api/track/:no through two instances', `${trackRps.toFixed(0)} req/s`, '', null);
    line('tracking as a share of bare Hono (PG, ×2)', `${((trackRps / bareRps) * 100).toFixed(0)} %`, '≥ 60 %', trackRps / bareRps >= 0.6);
    line('raw pg, same rows, two connections', `${rawRate.toFixed(0)} reports/s`, '', null);
    line('courier sync over HTTP through two instances', `${syncRate.toFixed(0)} reports/s`, '', null);
    line('sync as a share of raw (PG, ×2)', `${((syncRate / rawRate) * 100).toFixed(0)} %`, '≥ 50 %', syncRate / rawRate >= 0.5);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadBoth(urls: string[], paths: string[]): Promise<number> {
  const results = await Promise.all(urls.map((url) => {
    let i = 0;
    return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }] });
  }));
  for (const r of results) if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return results.reduce((sum, r) => sum + r.requests.average, 0);
}

async function signIn(url: string, login: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

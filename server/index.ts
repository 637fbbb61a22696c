import { resolve } from 'node:path';
import { ConfigError, readConfig } from './config';
import { DEMO_API_KEY } from './demo/demo-api-key';
import { loadDemoDirectory } from './demo/demo-directory';
import { demoOrderCurl, loadDemoOrders } from './demo/demo-shop-directory';
import { createJsonLogger, type Logger } from './http/logger';
import { startServer, type RunningServer } from './server';

/**
 * SIGTERM (a deploy, `docker stop`, systemd) and SIGINT (Ctrl-C) stop the server cleanly and
 * exit 0; 1 when requests had to be cut off or closing hung past the grace period.
 */
function stopOnSignals(server: RunningServer, graceMs: number, logger: Logger) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C under `npm start` arrives twice (the terminal sends it to the whole process
    // group and npm forwards its own copy); the second must not cut the first stop short.
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping (requests in flight get up to ${graceMs / 1000} s)`, { signal });
    // The drain is bounded by the grace period; this also bounds closing the database.
    setTimeout(() => {
      logger.error('Doorstep did not stop in time; exiting anyway.');
      process.exit(1);
    }, graceMs + 5_000).unref();
    server.close().then(
      ({ forced }) => {
        if (forced) logger.error(`Requests still running after ${graceMs / 1000} s were cut off.`);
        process.exit(forced ? 1 : 0);
      },
      (err: unknown) => {
        logger.error('Doorstep could not stop cleanly', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Errors and request lines go to stdout as JSON for a log collector; the banner below (where
 * to go, demo sign-ins) stays plain text, for the person at the terminal. Until the settings
 * are read (and when they are bad) the level is `info`.
 */
let logger: Logger = createJsonLogger({ level: 'info' });

async function main() {
  const config = readConfig();
  logger = createJsonLogger({ level: config.logLevel });
  const server = await startServer(config, { logger, clientDir: resolve('dist') });
  stopOnSignals(server, config.shutdownGraceMs, logger);
  console.log(`\nDoorstep is running at ${server.url}  (database: ${config.databaseUrl})`);
  if (config.demo) {
    if (server.demo?.seeded) {
      const { shipments, returns, claims, feedback } = server.demo;
      console.log(`Filled the empty database with demo data: ${shipments} shipments, ${returns} returns, ${claims} lost-parcel claims, ${feedback} ratings.`);
    }
    const directory = await loadDemoDirectory(server.deps.db);
    console.log(`\nDemo sign-ins (couriers sign in at ${server.url}/courier, staff at ${server.url}/ops):`);
    for (const s of directory.signIns) console.log(`  ${s.role.padEnd(8)} ${s.login.padEnd(22)} ${s.password.padEnd(12)} ${s.name}`);
    console.log('\nDemo parcels (status · tracking number · last 4 phone digits to verify):');
    for (const p of directory.parcels) {
      console.log(`  ${p.status.padEnd(19)} ${server.url}/t/${p.trackingNo}   ${p.phoneLast4}`);
    }
    if (directory.returns.length > 0) {
      console.log(`\nDemo returns (status · return number · its parcel, where the verified view lists it · digits; staff work them at ${server.url}/ops):`);
      for (const r of directory.returns) {
        console.log(`  ${r.status.padEnd(19)} ${r.returnNo}   ${server.url}/t/${r.trackingNo}   ${r.phoneLast4}`);
      }
    }
    const orders = await loadDemoOrders(server.deps.db);
    if (orders.length > 0) {
      console.log('\nDemo orders (status · order page · last 4 phone digits):');
      for (const o of orders) console.log(`  ${o.status.padEnd(19)} ${server.url}/o/${o.orderNo}   ${o.phoneLast4}`);
    }
    console.log(`\nShop API (reference at ${server.url}/api/docs), demo key ${DEMO_API_KEY} — place an order:`);
    console.log(`  ${demoOrderCurl(server.url)}`);
    console.log('');
  }
}

/** What went wrong at start, in a sentence naming the setting to change; the stack only for bugs. */
function startupProblem(err: unknown): string | null {
  if (err instanceof ConfigError) return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const env = process.env;
  if (code === 'EADDRINUSE') return `Port ${env.PORT ?? 8080} is already in use: stop the other server or set PORT to a free port.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${env.PORT ?? 8080}: use a port above 1023 (set PORT).`;
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL') return `HOST=${env.HOST} is not an address of this machine: set HOST to one (or leave it unset).`;
  if (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === '28P01' || code === '3D000') {
    return `Cannot use the database in DATABASE_URL (${(err as Error).message}): check that it is running and the URL is right.`;
  }
  if (code === 'SQLITE_CANTOPEN') return `Cannot open the SQLite file in DATABASE_URL: check the folder exists and is writable.`;
  return null;
}

main().catch((err) => {
  const problem = startupProblem(err);
  if (problem) logger.error(problem);
  else logger.error('Doorstep failed to start', err);
  process.exit(1);
});

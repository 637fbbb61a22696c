import { resolve } from 'node:path';
import { ConfigError, readConfig } from './config';
import { loadDemoDirectory } from './demo/demo-directory';
import { consoleLogger } from './http/logger';
import { startServer } from './server';

async function main() {
  const config = readConfig();
  const server = await startServer(config, { logger: consoleLogger, clientDir: resolve('dist') });
  console.log(`\nDoorstep is running at ${server.url}  (database: ${config.databaseUrl})`);
  if (config.demo) {
    if (server.demo?.seeded) console.log(`Filled the empty database with demo data: ${server.demo.shipments} shipments.`);
    const directory = await loadDemoDirectory(server.deps.db);
    console.log('\nDemo sign-ins:');
    for (const s of directory.signIns) console.log(`  ${s.role.padEnd(8)} ${s.login.padEnd(22)} ${s.password}   ${s.name}`);
    console.log('\nDemo parcels (status · tracking number · last 4 phone digits to verify):');
    for (const p of directory.parcels) {
      console.log(`  ${p.status.padEnd(19)} ${server.url}/t/${p.trackingNo}   ${p.phoneLast4}`);
    }
    console.log('');
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Doorstep failed to start:', err);
  }
  process.exit(1);
});

/**
 * `npm start`: build the client if it is missing or out of date, then run the server
 * (which migrates, fills an empty database with demo data, and prints where to go).
 *
 * package.json runs this as `exec node --import tsx …`: npm forwards SIGTERM/SIGINT only to
 * the process it started, and without `exec` that is a `sh -c` which dies on the signal
 * without passing it on, leaving the server running as an orphan.
 */
import { readConfig } from '../server/config';
import { clientBuildIsStale } from './client-build';

function buildWanted(): boolean {
  try {
    return readConfig().buildClient;
  } catch {
    // A bad setting: no point building; the server names it and stops.
    return false;
  }
}

if (buildWanted() && clientBuildIsStale()) {
  console.log('Building the client…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
  // Then the tracking page's server render into dist/ssr/, as `npm run build` does (vite.config.ts).
  await build({ logLevel: 'warn', build: { ssr: true } });
}
await import('../server/index');

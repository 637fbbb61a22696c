/**
 * `npm start`: build the client if it is missing or out of date, then run the server
 * (which migrates, fills an empty database with demo data, and prints where to go).
 */
import { clientBuildIsStale } from './client-build';

if (clientBuildIsStale()) {
  console.log('Building the client…');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
await import('../server/index');

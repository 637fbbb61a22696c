/**
 * `npm run migrate`: brings the database in DATABASE_URL up to date and exits, for a deploy
 * that migrates as a step of its own before starting the new version. Not required: every
 * instance migrates at start anyway. Under the same advisory lock as start-up, so it is safe
 * while instances are starting; no demo data is filled here.
 */
import { readConfig } from '../server/config';
import { createDb } from '../server/db/create-db';
import { migrateToLatest } from '../server/db/migrate';
import { onceAcrossInstances } from '../server/db/startup-lock';
import { createJsonLogger } from '../server/http/logger';

const logger = createJsonLogger({ level: 'info' });
try {
  const config = readConfig();
  const handle = createDb(config.databaseUrl);
  try {
    const applied = await onceAcrossInstances(handle, () => migrateToLatest(handle.db));
    logger.info(applied.length > 0 ? `Applied ${applied.length} migration(s)` : 'The database was already up to date', { applied });
  } finally {
    await handle.close();
  }
} catch (err) {
  logger.error('Migrating failed', err);
  process.exitCode = 1;
}

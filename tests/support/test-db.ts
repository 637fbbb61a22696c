import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';

/** A fresh, migrated SQLite file in a temp folder: the real engine, not a mock. */
export async function createTestDb(): Promise<DatabaseHandle & { dir: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-test-'));
  const handle = createDb(`sqlite:${join(dir, 'test.db')}`);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dir,
    dispose: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

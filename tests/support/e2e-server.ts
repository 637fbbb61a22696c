import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readConfig } from '../../server/config';
import { silentLogger } from '../../server/http/logger';
import { startServer, type RunningServer } from '../../server/server';

/**
 * The real server (same code as `npm start`) on a free port, over a fresh SQLite file with
 * the demo data, serving the built client from dist/.
 */
export async function startE2eServer(): Promise<RunningServer & { dispose(): Promise<void> }> {
  const clientDir = resolve('dist');
  if (!existsSync(join(clientDir, 'index.html')) || !existsSync(join(clientDir, 'sw.js'))) {
    throw new Error('The browser tests need the built client: run `npm run build` first (npm test does).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-e2e-'));
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    UPLOAD_DIR: join(dir, 'uploads'),
    DEMO: 'on',
    LOG_REQUESTS: 'off',
    // The browser tests' webhook listeners live on 127.0.0.1.
    WEBHOOK_ALLOW_PRIVATE: 'on',
  });
  const server = await startServer(config, { logger: silentLogger, clientDir });
  return {
    ...server,
    dispose: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../server/config';
import { createTestApp } from './test-app';

/**
 * createTestApp behind a real Node HTTP server on a free port, for what only real sockets
 * show: keep-alive connections, clients that vanish mid-stream.
 */
export async function serveTestApp(overrides: Partial<Config> = {}) {
  const t = await createTestApp(overrides);
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...t,
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.dispose();
    },
  };
}

import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createCourier } from '../support/accounts';
import { signIn } from '../support/courier-fixtures';
import { staffCookie } from '../support/return-fixtures';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

/** Counts the statements that read the session table: the staff guard's lookups. */
function countingSessionReads() {
  const counter = { reads: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from).includes('"user_sessions"')) counter.reads++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { counter, app: createApp({ ...t.deps, db: t.db.withPlugin(plugin) }) };
}

const STAFF_READS = [
  '/api/ops/returns',
  '/api/ops/claims',
  '/api/ops/follow-ups',
  '/api/ops/kpis?from=2026-11-10&to=2026-11-12',
  '/api/ops/process-map?from=2026-11-10&to=2026-11-12',
  '/api/ops/exceptions',
  '/api/ops/couriers',
  '/api/ops/settings',
  '/api/ops/orders',
  '/api/ops/inventory',
  '/api/ops/inventory/ledger',
  '/api/ops/inventory/documents',
  '/api/ops/low-stock',
];

describe('one guard for the whole /api/ops face', () => {
  it.each(STAFF_READS)('%s looks the staff session up once', async (path) => {
    const staff = await staffCookie(t);
    const { counter, app } = countingSessionReads();
    const res = await app.request(path, { headers: { cookie: staff } });
    expect(res.status).toBe(200);
    expect(counter.reads).toBe(1);
  });

  it('answers 401 without a session and 403 to a courier, on every ops path, known or not', async () => {
    const courier = await signIn(t, (await createCourier(t.db)).phone);
    for (const path of [...STAFF_READS, '/api/ops/no-such-thing']) {
      expect((await t.app.request(path)).status, path).toBe(401);
      expect((await t.app.request(path, { headers: { cookie: courier } })).status, path).toBe(403);
    }
  });

  it('still answers 404 to staff for an ops path that does not exist', async () => {
    const staff = await staffCookie(t);
    const res = await t.app.request('/api/ops/no-such-thing', { headers: { cookie: staff } });
    expect(res.status).toBe(404);
  });
});

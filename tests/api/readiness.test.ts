import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

describe('GET /api/ready', () => {
  it('is ready while the database answers', async () => {
    const res = await t.app.request('/api/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true });
  });

  it('answers 503 not_ready once the database is gone, while liveness stays ok', async () => {
    await t.db.destroy();
    const res = await t.app.request('/api/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'not_ready', message: 'The database does not answer' } });
    // Liveness does not depend on the database: restarting the process would not bring it back.
    expect((await t.app.request('/api/health')).status).toBe(200);
  });

  it('answers 503 not_ready once the server has begun to stop', async () => {
    t.deps.liveStreams!.endAll();
    const res = await t.app.request('/api/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'not_ready', message: 'This instance is stopping' } });
  });
});

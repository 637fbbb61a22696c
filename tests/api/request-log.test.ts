import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { createJsonLogger } from '../../server/http/logger';
import { createParcel } from '../support/factories';
import { createTestApp } from '../support/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let lines: string[];
let app: ReturnType<typeof createApp>;

/** The app as the server builds it, its JSON log written into `lines` instead of stdout. */
beforeEach(async () => {
  t = await createTestApp();
  lines = [];
  const logger = createJsonLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  app = createApp({ ...t.deps, config: { ...t.deps.config, logRequests: true }, logger });
});
afterEach(() => t.dispose());

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the JSON log', () => {
  it('writes one line per request with the request id the answer carries, and the route pattern, not the path', async () => {
    const parcel = await createParcel(t.db);
    const res = await app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('\n')).toBe(true);
    expect(logged()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      pid: process.pid,
      hostname: expect.any(String),
      msg: 'request',
      requestId: id,
      method: 'GET',
      route: '/api/track/:trackingNo',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(lines[0]).not.toContain(parcel.trackingNo);
  });

  it('logs an unexpected error with its stack and the request id, and the answer names that id', async () => {
    const parcel = await createParcel(t.db);
    await t.db.destroy();
    const res = await app.request(`/api/track/${parcel.trackingNo}`);
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id')!;
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(id);

    const [error, request] = logged();
    expect(error).toMatchObject({ level: 'error', requestId: id, err: { type: 'Error', message: expect.any(String), stack: expect.any(String) } });
    expect(request).toMatchObject({ level: 'info', msg: 'request', requestId: id, status: 500 });
  });

  it('writes nothing per request when LOG_REQUESTS is off', async () => {
    const quiet = createApp({ ...t.deps, logger: createJsonLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }) });
    expect((await quiet.request('/api/health')).status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('leaves out lines below LOG_LEVEL', async () => {
    const logger = createJsonLogger({ level: 'error', destination: { write: (line: string) => void lines.push(line) } });
    logger.info('request', { requestId: 'x' });
    logger.error('Webhooks: 1 delivery given up', undefined, { queue: 'webhooks' });
    expect(logged()).toEqual([expect.objectContaining({ level: 'error', msg: 'Webhooks: 1 delivery given up', queue: 'webhooks' })]);
  });
});

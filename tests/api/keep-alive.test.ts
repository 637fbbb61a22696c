import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../server/app';
import { MAX_UPLOAD_BYTES } from '../../server/domain/uploads/upload-service';
import { createParcel, type ParcelFixture } from '../support/factories';
import { serveTestApp } from '../support/live-test-server';

let s: Awaited<ReturnType<typeof serveTestApp>>;
let parcel: ParcelFixture;

beforeAll(async () => {
  s = await serveTestApp();
  parcel = await createParcel(s.db);
});
afterAll(() => s.close());

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/**
 * One request through `agent`, the body written in 64 KiB pieces with Content-Length or
 * chunked. Rejects on any socket error before the whole answer has been read.
 */
function send(agent: Agent, method: string, path: string, body?: { bytes: Buffer; chunked: boolean; type: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'x-forwarded-for': '198.51.100.4' };
    if (body) {
      headers['content-type'] = body.type;
      if (!body.chunked) headers['content-length'] = String(body.bytes.length);
    }
    const req = request({ host: '127.0.0.1', port: s.port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) for (let i = 0; i < body.bytes.length; i += 64 * 1024) req.write(body.bytes.subarray(i, i + 64 * 1024));
    req.end();
  });
}

const json = (bytes: number) => Buffer.from(JSON.stringify({ phoneLast4: '1234', padding: 'x'.repeat(bytes) }));
const photo = (bytes: number) => Buffer.alloc(bytes, 0xff);
const uploadPath = '/api/uploads';

describe('a request answered before its body is read leaves the connection usable', () => {
  it.each([
    { what: 'JSON over the limit, Content-Length', path: 'verify', bytes: () => json(1024 * 1024), chunked: false, type: 'application/json', status: 413 },
    { what: 'JSON over the limit, chunked', path: 'verify', bytes: () => json(1024 * 1024), chunked: true, type: 'application/json', status: 413 },
    { what: 'JSON just over the limit, chunked', path: 'verify', bytes: () => json(MAX_JSON_BODY_BYTES + 10), chunked: true, type: 'application/json', status: 413 },
    { what: 'photo over the limit, Content-Length', path: 'upload', bytes: () => photo(MAX_UPLOAD_BYTES + 1024 * 1024), chunked: false, type: 'image/jpeg', status: 413 },
    { what: 'photo over the limit, chunked', path: 'upload', bytes: () => photo(MAX_UPLOAD_BYTES + 1024 * 1024), chunked: true, type: 'image/jpeg', status: 413 },
    { what: 'photo under the limit from someone not signed in', path: 'upload', bytes: () => photo(4 * 1024 * 1024), chunked: false, type: 'image/jpeg', status: 401 },
  ])('$what → $status, then the next requests succeed', async ({ path, bytes, chunked, type, status }) => {
    // One socket at a time, kept alive: the follow-ups go over the refused request's
    // connection unless the server said it closes it.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const target = path === 'verify' ? `/api/track/${parcel.trackingNo}/verify` : uploadPath;
      const refused = await send(agent, 'POST', target, { bytes: bytes(), chunked, type });
      expect(refused.status).toBe(status);
      expect(JSON.parse(refused.body)).toHaveProperty('error.code');
      // The rest of its body is still on the wire: this connection cannot carry another request.
      expect(refused.connection).toBe('close');
      for (let i = 0; i < 3; i++) {
        const next = await send(agent, 'GET', `/api/track/${parcel.trackingNo}`);
        expect(next.status).toBe(200);
      }
      const verified = await send(agent, 'POST', `/api/track/${parcel.trackingNo}/verify`, { bytes: Buffer.from(JSON.stringify({ phoneLast4: parcel.phone.slice(-4) })), chunked: false, type: 'application/json' });
      expect(verified.status).toBe(200);
      // A body read to the end leaves the connection open for the next request.
      expect(verified.connection).toBe('keep-alive');
    } finally {
      agent.destroy();
    }
  });

  it("Node's fetch: a 1 MiB JSON body gets 413, and the two requests after it succeed", async () => {
    const refused = await fetch(`${s.url}/api/track/${parcel.trackingNo}/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.5' },
      body: json(1024 * 1024),
    });
    expect(refused.status).toBe(413);
    expect((await refused.json()) as unknown).toMatchObject({ error: { code: 'payload_too_large' } });
    for (let i = 0; i < 2; i++) {
      const next = await fetch(`${s.url}/api/track/${parcel.trackingNo}`);
      expect(next.status).toBe(200);
      await next.arrayBuffer();
    }
  });
});

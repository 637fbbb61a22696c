import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config';
import { createParcel, type ParcelFixture } from '../support/factories';
import { serveTestApp } from '../support/live-test-server';
import { waitFor } from '../support/wait-for';
import { readUntilFirstEvent } from '../support/live-stream-reader';

let s: Awaited<ReturnType<typeof serveTestApp>>;
let parcel: ParcelFixture;

async function start(limits: Partial<Config>) {
  s = await serveTestApp(limits);
  parcel = await createParcel(s.db);
}
afterEach(() => s.close());

interface OpenStream {
  status: number;
  body: unknown;
  retryAfter: string | null;
  close(): void;
}

/** Opens a live stream from `address` and, when it is accepted, waits for its first event. */
async function openStream(address: string): Promise<OpenStream> {
  const abort = new AbortController();
  const res = await fetch(`${s.url}/api/track/${parcel.trackingNo}/stream`, { headers: { 'x-forwarded-for': address }, signal: abort.signal });
  if (res.status !== 200) return { status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after'), close: () => {} };
  const reader = res.body!.getReader();
  await readUntilFirstEvent(reader);
  return { status: 200, body: null, retryAfter: null, close: () => abort.abort() };
}

describe('live tracking streams per client address', () => {
  it('refuses the stream one past the limit with 429 too_many_streams, and takes one again once a stream closes', async () => {
    await start({ liveStreamsPerAddress: 3 });
    const held = [];
    for (let i = 0; i < 3; i++) held.push(await openStream('203.0.113.10'));
    expect(held.map((h) => h.status)).toEqual([200, 200, 200]);

    const refused = await openStream('203.0.113.10');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'too_many_streams' } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Another address has its own share.
    const other = await openStream('203.0.113.11');
    expect(other.status).toBe(200);

    held[0]!.close();
    await waitFor('the closed stream to free its slot', () => s.deps.liveStreams!.openFor('203.0.113.10') === 2);
    const again = await openStream('203.0.113.10');
    expect(again.status).toBe(200);
    expect(s.deps.liveStreams!.open).toBe(4);
    for (const h of [...held, other, again]) h.close();
    await waitFor('every stream to be let go', () => s.deps.liveStreams!.open === 0 && s.deps.bus.listenerCount(parcel.trackingNo) === 0);
  });

  it('refuses streams past the server-wide limit whatever the address', async () => {
    await start({ liveStreamsPerAddress: 5, liveStreamsTotal: 2 });
    const a = await openStream('203.0.113.20');
    const b = await openStream('203.0.113.21');
    const c = await openStream('203.0.113.22');
    expect([a.status, b.status, c.status]).toEqual([200, 200, 429]);
    expect(c.body).toMatchObject({ error: { code: 'too_many_streams' } });
    a.close();
    b.close();
  });

  it('frees the slot and the listener of a client that vanishes, before or after its stream starts', async () => {
    await start({ liveStreamsPerAddress: 100 });
    const request = `GET /api/track/${parcel.trackingNo}/stream HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 203.0.113.30\r\n\r\n`;
    const vanish = (when: 'at once' | 'after the first event') =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(s.port, '127.0.0.1', () => {
          socket.write(request);
          // Gone without a FIN exchange, the way a phone losing signal or a killed tab looks.
          if (when === 'at once') socket.resetAndDestroy();
        });
        socket.on('data', (chunk) => {
          if (chunk.toString().includes('event: tracking')) socket.resetAndDestroy();
        });
        socket.on('close', () => resolve());
        socket.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(err)));
      });
    await Promise.all(Array.from({ length: 30 }, (_, i) => vanish(i % 2 === 0 ? 'at once' : 'after the first event')));
    await waitFor('every vanished stream to give back its slot and listener', () => s.deps.liveStreams!.openFor('203.0.113.30') === 0 && s.deps.bus.listenerCount(parcel.trackingNo) === 0);
    // And the address can open streams again.
    const fresh = await openStream('203.0.113.30');
    expect(fresh.status).toBe(200);
    fresh.close();
  });
});

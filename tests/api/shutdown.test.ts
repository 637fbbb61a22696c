import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareServerProcess, type ServerProcess } from '../support/server-process';
import { waitFor } from '../support/wait-for';
import { readUntilFirstEvent } from '../support/live-stream-reader';

let p: ServerProcess;
afterEach(() => p?.dispose());

/** Opens the parcel's live stream and waits for its first event; `ended` settles when the server ends it. */
async function openLiveStream(url: string, trackingNo: string) {
  const res = await fetch(`${url}/api/track/${trackingNo}/stream`);
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  await readUntilFirstEvent(reader);
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return 'ended cleanly';
  })();
  return { ended };
}

/**
 * Starts a verification whose body is held back: `Expect: 100-continue` makes the server say
 * when it has taken the request into its handler, so the request is provably in flight.
 */
function startHeldBackRequest(port: number, trackingNo: string, body: string) {
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: `/api/track/${trackingNo}/verify`,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const answer = new Promise<{ res: IncomingMessage; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ res, text }));
    });
    req.on('error', reject);
  });
  const inHandler = new Promise<void>((resolve) => req.once('continue', resolve));
  req.flushHeaders();
  return { inHandler, finish: () => req.end(body), answer };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

function withinMs<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))),
  ]);
}

/** What every clean stop leaves behind: the port let go and the database file closed whole. */
function expectClosedCleanly() {
  expect(p.walLeft()).toBe(false);
  const db = p.openDatabase();
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

describe('the server process on SIGTERM', () => {
  it('stops accepting, ends live streams, lets the request in flight finish, closes the database and exits 0', async () => {
    p = await prepareServerProcess();
    const server = p.start(process.execPath, ['--import', 'tsx', 'server/index.ts']);
    await p.untilAnswering();
    const stream = await openLiveStream(p.url, p.parcel.trackingNo);
    const inFlight = startHeldBackRequest(p.port, p.parcel.trackingNo, JSON.stringify({ phoneLast4: p.parcel.phone.slice(-4) }));
    await inFlight.inHandler;

    process.kill(server.pid, 'SIGTERM');

    expect(await withinMs(5_000, 'ending the live stream', stream.ended)).toBe('ended cleanly');
    expect(await connectionRefused(p.port)).toBe(true);
    // The body arrives only now, while the server is stopping: the answer still comes, and
    // the change it made is kept.
    inFlight.finish();
    const { res, text } = await withinMs(5_000, 'answering the request in flight', inFlight.answer);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ verified: true });
    expect(res.headers.connection).toBe('close');

    expect(await withinMs(10_000, 'exiting', server.exited)).toEqual({ code: 0, signal: null });
    expect(p.output).toContain('SIGTERM: stopping');
    expectClosedCleanly();
    const db = p.openDatabase();
    try {
      expect(db.prepare('SELECT count(*) AS n FROM customer_sessions').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  }, 60_000);

  it('cuts a request that outlasts the grace period and exits 1', async () => {
    p = await prepareServerProcess({ SHUTDOWN_GRACE_SECONDS: '1' });
    const server = p.start(process.execPath, ['--import', 'tsx', 'server/index.ts']);
    await p.untilAnswering();
    const stuck = startHeldBackRequest(p.port, p.parcel.trackingNo, '{"phoneLast4":"0000"}');
    await stuck.inHandler;
    // Its body never comes.
    process.kill(server.pid, 'SIGTERM');
    await expect(withinMs(10_000, 'cutting the stuck request', stuck.answer)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await withinMs(10_000, 'exiting', server.exited)).toEqual({ code: 1, signal: null });
    expect(p.output).toContain('were cut off');
    expectClosedCleanly();
  }, 60_000);
});

describe('npm start', () => {
  it.each([
    { signal: 'SIGTERM', to: 'npm' },
    { signal: 'SIGINT', to: 'npm' },
    { signal: 'SIGTERM', to: 'the server' },
  ] as const)('stops on $signal sent to $to, with nothing left running', async ({ signal, to }) => {
    p = await prepareServerProcess();
    const npm = p.start('npm', ['start']);
    await p.untilAnswering();
    // `exec` in the start script: npm's only child is the server itself.
    const children = p.childrenOf(npm.pid);
    expect(children).toHaveLength(1);
    const stream = await openLiveStream(p.url, p.parcel.trackingNo);

    process.kill(to === 'npm' ? npm.pid : children[0]!, signal);

    expect(await withinMs(5_000, 'ending the live stream', stream.ended)).toBe('ended cleanly');
    expect(await withinMs(10_000, 'npm exiting', npm.exited)).toEqual({ code: 0, signal: null });
    await waitFor('every process npm started to be gone', () => p.groupMembers().length === 0, 5_000);
    expect(await connectionRefused(p.port)).toBe(true);
    expectClosedCleanly();
  }, 60_000);
});

import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay between the browser and the server that can lose the signal: `cut()` drops
 * every connection and refuses new ones, as a lift or a basement does. Chromium's offline
 * emulation covers pages but not the service worker's own requests (Background Sync would
 * still get through), so the browser tests cut the network here as well.
 */
export async function startCuttableNetwork(targetPort: number) {
  let isCut = false;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  };
  const relay = createServer((client) => {
    if (isCut) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      isCut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}

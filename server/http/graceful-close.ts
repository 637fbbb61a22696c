import type { Server, ServerResponse } from 'node:http';

export interface DrainOutcome {
  /** Requests were still running at the deadline and had their connections cut. */
  forced: boolean;
}

/**
 * Follows the requests a Node HTTP server is answering, so it can stop the way a deploy needs:
 * no new connections, requests already running get to finish (each on a connection that then
 * closes), and only what still runs at the deadline is cut off.
 */
export function followRequestsInFlight(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  let nowIdle = () => {};

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  // Prepended so the count includes a request before the app's own listener sees it.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (stopping) closeAfterAnswer(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) nowIdle();
    });
  });

  return {
    get count(): number {
      return inFlight.size;
    },

    /**
     * Stops accepting at once (synchronously, so a caller can end long-lived answers such as
     * event streams right after), waits up to `graceMs` for the requests in flight, then
     * closes every connection left.
     */
    stop(graceMs: number): Promise<DrainOutcome> {
      stopping = true;
      for (const res of inFlight) closeAfterAnswer(res);
      // Since Node 19 this also closes keep-alive connections that are idle right now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const idle = new Promise<boolean>((resolve) => {
        if (inFlight.size === 0) return resolve(true);
        const timer = setTimeout(() => resolve(false), graceMs);
        nowIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      return idle.then(async (drained) => {
        // Keep-alive connections that went idle after close() would otherwise hold it open
        // until their timeout; after the deadline this also cuts the stragglers.
        server.closeAllConnections();
        await closed;
        return { forced: !drained };
      });
    },
  };
}

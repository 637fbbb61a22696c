import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/**
 * One Doorstep instance as its own process (the real entry, `server/index.ts`), for the
 * scale-out tests: several of these share one database as they would behind a load balancer.
 */
export interface InstanceProcess {
  url: string;
  readonly output: string;
  /** Resolves when the process has gone, however it went. */
  exited: Promise<void>;
  untilServing(timeoutMs?: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

export async function startInstance(env: Record<string, string>): Promise<InstanceProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: 'off', BUILD_CLIENT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    get output() {
      return output;
    },
    exited,
    async untilServing(timeoutMs = 120_000) {
      await waitFor(`${url} to answer /api/health`, async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The instance exited at start: ${output}`);
        return fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      }, timeoutMs);
    },
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

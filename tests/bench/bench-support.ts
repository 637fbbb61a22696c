import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
export { freePort } from '../support/free-port';

/** Starts a TypeScript entry in its own process and resolves once it answers `probePath`. */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  probeUrl: string,
  options: { cpu?: number } = {},
): Promise<ChildProcess> {
  // One process (node with tsx's loader), so stopping it stops the server, not just a wrapper;
  // pinned to a core of its own when asked, so it and the load generator don't trade places.
  const pin = options.cpu !== undefined && exists('/usr/bin/taskset');
  const [command, args] = pin
    ? ['/usr/bin/taskset', ['-c', String(options.cpu), process.execPath, '--import', 'tsx', entry]]
    : [process.execPath, ['--import', 'tsx', entry]];
  const child = spawn(command as string, args as string[], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}`);
    try {
      const res = await fetch(probeUrl);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not answer ${probeUrl} within 2 minutes`);
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function line(what: string, figure: string, target: string, ok: boolean | null) {
  const verdict = ok === null ? '' : ok ? '  ✓ meets target' : '  ✗ misses target';
  console.log(`  ${what.padEnd(44)} ${figure.padEnd(26)} target ${target}${verdict}`);
}

export const exists = existsSync;

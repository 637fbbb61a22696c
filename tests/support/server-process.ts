import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { createDb } from '../../server/db/create-db';
import { migrateToLatest } from '../../server/db/migrate';
import { createParcel, type ParcelFixture } from './factories';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/**
 * Doorstep as its own operating-system process (the server entry or the whole `npm start`),
 * over a fresh SQLite file holding one parcel, for what only a real process shows: signals,
 * exit codes, a port let go, a database file closed.
 */
export async function prepareServerProcess(settings: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'doorstep-process-'));
  const dbFile = join(dir, 'doorstep.db');
  const handle = createDb(`sqlite:${dbFile}`);
  await migrateToLatest(handle.db);
  const parcel = await createParcel(handle.db);
  await handle.close();
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${dbFile}`,
    UPLOAD_DIR: join(dir, 'uploads'),
    DEMO: 'off',
    LOG_REQUESTS: 'off',
    // The tests never build the client; the server answers pages with a 503 without one.
    BUILD_CLIENT: 'off',
    ...settings,
  };
  let child: ChildProcess | null = null;
  let output = '';

  return {
    dir,
    dbFile,
    parcel: parcel as ParcelFixture,
    port,
    url: `http://127.0.0.1:${port}`,
    get output() {
      return output;
    },
    /** Starts `command` in a process group of its own, so whatever it starts can be found and cleaned up. */
    start(command: string, args: string[]) {
      child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child!.once('exit', (code, signal) => resolve({ code, signal })),
      );
      return { pid: child.pid!, exited };
    },
    async untilAnswering(timeoutMs = 30_000) {
      await waitFor(`the server to answer /api/health (output so far: ${output})`, async () => {
        if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`The server exited at start: ${output}`);
        return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      }, timeoutMs);
    },
    /** Pids still alive in the started process group. */
    groupMembers(): number[] {
      if (!child) return [];
      try {
        return execFileSync('ps', ['-o', 'pid=', '-g', String(child.pid)], { encoding: 'utf8' })
          .split('\n')
          .map((l) => Number(l.trim()))
          .filter((pid) => pid > 0);
      } catch {
        return []; // ps exits 1 when nothing matches
      }
    },
    childrenOf(pid: number): number[] {
      try {
        return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
          .split('\n')
          .map((l) => Number(l.trim()))
          .filter((p) => p > 0);
      } catch {
        return [];
      }
    },
    walLeft: () => existsSync(`${dbFile}-wal`),
    openDatabase: () => new SQLite(dbFile, { readonly: true }),
    /** Kills whatever a failed test left running, then removes the folder. */
    dispose() {
      if (child) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // The group is already gone.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ServerProcess = Awaited<ReturnType<typeof prepareServerProcess>>;

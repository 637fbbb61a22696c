import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes for couriers and staff: scrypt at N=2^17, r=8, p=1 (OWASP's minimum for
 * scrypt), stored as `scrypt$17$8$1$<salt b64>$<hash b64>` so the cost can be raised later
 * and old hashes still verify with the parameters they were made with.
 *
 * Async on purpose: one hash costs ~128 MiB and a few hundred ms, which runs on libuv's
 * thread pool instead of freezing every other request.
 */
const LOG2_N = 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SCHEME = 'scrypt';

// A stored string comes from the database, not from us alone: refuse costs that would let a
// tampered row tie up the thread pool or memory, rather than trusting whatever it says.
// The caps leave room to raise the cost later (N=2^18 needs 256 MiB).
const MAX_LOG2_N = 20;
const MAX_BLOCK_SIZE = 16;
const MAX_PARALLELISM = 4;
const MAX_MEMORY_BYTES = 512 * 1024 * 1024;

function derive(plain: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(plain.normalize('NFC'), salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function costOptions(log2N: number, r: number, p: number): ScryptOptions {
  const n = 2 ** log2N;
  // Node refuses anything above 32 MiB by default; scrypt needs 128·N·r bytes plus a little.
  return { N: n, r, p, maxmem: 2 * 128 * n * r * p };
}

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(plain, salt, KEY_BYTES, costOptions(LOG2_N, BLOCK_SIZE, PARALLELISM));
  return [SCHEME, LOG2_N, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$');
}

interface StoredHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return null;
  const [log2N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : NaN));
  if (log2N === undefined || r === undefined || p === undefined) return null;
  if (!(log2N >= 1 && log2N <= MAX_LOG2_N && r >= 1 && r <= MAX_BLOCK_SIZE && p >= 1 && p <= MAX_PARALLELISM)) {
    return null;
  }
  if (128 * 2 ** log2N * r > MAX_MEMORY_BYTES) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { log2N, r, p, salt, key };
}

/** True when `plain` matches; false for a wrong password and for a malformed stored hash. */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  try {
    const key = await derive(plain, parsed.salt, parsed.key.length, costOptions(parsed.log2N, parsed.r, parsed.p));
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

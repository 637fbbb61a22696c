import { createHash, randomBytes } from 'node:crypto';

/**
 * The key a shop sends: `dsk_live_` and 32 base62 characters (about 190 random bits). The
 * marker makes a leaked key recognisable to secret scanners and to a person reading a log;
 * base62 survives copy-paste, URLs and config files without quoting.
 */
export const API_KEY_MARKER = 'dsk_live_';
const RANDOM_LENGTH = 32;
/** Stored and shown: the marker and 4 characters, enough to tell a shop's keys apart, far too few to guess the rest. */
const PREFIX_LENGTH = API_KEY_MARKER.length + 4;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KEY_PATTERN = new RegExp(`^${API_KEY_MARKER}[0-9A-Za-z]{${RANDOM_LENGTH}}$`);

export interface NewApiKeySecret {
  key: string;
  prefix: string;
  hash: string;
}

export function newApiKeySecret(): NewApiKeySecret {
  let random = '';
  while (random.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH * 2)) {
      // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
      if (byte < 248 && random.length < RANDOM_LENGTH) random += BASE62[byte % 62];
    }
  }
  const key = API_KEY_MARKER + random;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** Only this is stored: a leaked table opens nothing. A plain SHA-256 suffices for 190 random bits (no dictionary to try). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a presented string could be a key at all, so garbage never reaches the database. */
export const looksLikeApiKey = (presented: string): boolean => KEY_PATTERN.test(presented);

import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens for customers (one verified order) and for couriers and staff: 128 random
 * bits for the cookie; only their SHA-256 is stored, so a leaked table opens nothing.
 */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(16).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

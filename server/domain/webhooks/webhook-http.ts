import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './webhook-address';

export const WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
const MAX_READ_BYTES = 64 * 1024;

export interface WebhookResponse {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * The name is resolved when the connection is made and every address checked there, so a
 * name that pointed at a public server at registration (or a moment ago) cannot be pointed
 * at this machine's network in between (DNS rebinding).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        const e = Object.assign(new Error(`${hostname} resolves to ${refused?.address ?? 'nothing'}, a private or local address`), { code: 'webhook_address_private' });
        return callback(e, '', 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** POSTs once; never follows a redirect (a 3xx is an answer that is not 2xx). */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: { allowPrivate: boolean; timeoutMs?: number }): Promise<WebhookResponse> {
  const started = performance.now();
  const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({ ...r, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(done({ statusCode: null, excerpt: null, error: 'invalid URL' }));
      return;
    }
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!client) {
      resolve(done({ statusCode: null, excerpt: null, error: 'only http and https' }));
      return;
    }
    const req = client.request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() }, lookup: guardedLookup(options.allowPrivate), timeout: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          if (read < MAX_READ_BYTES) chunks.push(chunk);
          read += chunk.length;
        });
        res.on('end', () => resolve(done({ statusCode: res.statusCode ?? null, excerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS), error: null })));
        res.on('error', (err) => resolve(done({ statusCode: res.statusCode ?? null, excerpt: null, error: err.message.slice(0, EXCERPT_CHARS) })));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS) / 1000} s`)));
    req.on('error', (err) => resolve(done({ statusCode: null, excerpt: null, error: err.message.slice(0, EXCERPT_CHARS) })));
    req.end(body);
  });
}

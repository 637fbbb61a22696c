import { isIP } from 'node:net';
import { badRequest } from '../../app-error';
import { isPublicAddress } from './webhook-address';

/**
 * Checks a webhook URL when staff register it: http(s) only, no credentials in it, and (unless
 * private addresses are allowed) no literal private address or local name. Names are resolved
 * again at every send (webhook-http), since DNS can change after registration.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('webhook_url_invalid', 'The URL is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('webhook_url_invalid', 'Only http and https URLs can receive webhooks');
  if (url.username || url.password) throw badRequest('webhook_url_invalid', 'The URL must not carry a user name or password');
  if (!allowPrivate && isLocalHost(url.hostname)) {
    throw badRequest('webhook_url_private', 'The URL points at a private, loopback or local address; webhooks go to public servers only (WEBHOOK_ALLOW_PRIVATE=on allows them)');
  }
  return url.toString();
}

function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (isIP(host)) return !isPublicAddress(host);
  return host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.');
}

import { isIP } from 'node:net';

/**
 * Where an IP address points, for the SSRF guard: webhooks go to the shop's public servers,
 * never to this machine, its network, or the cloud's metadata service (169.254.169.254).
 * Pure: the tables in tests/unit/webhook-address.test.ts are its specification.
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link_local' | 'unspecified' | 'shared' | 'multicast' | 'reserved' | 'invalid';

const v4Parts = (ip: string): number[] | null => {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
};

function classifyV4(ip: string): AddressKind {
  const p = v4Parts(ip);
  if (!p) return 'invalid';
  const [a, b] = p as [number, number, number, number];
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'link_local';
  if (a === 100 && b >= 64 && b <= 127) return 'shared'; // CGNAT, RFC 6598
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // includes 255.255.255.255
  if (a === 192 && b === 0 && p[2] === 0) return 'reserved'; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  return 'public';
}

/** The 8 groups of an IPv6 address as numbers (an embedded dotted IPv4 tail included). */
function v6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const p = v4Parts(tail);
    if (!p) return null;
    text = `${text.slice(0, lastColon + 1)}${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const r = rest ? rest.split(':') : [];
  const groups = text.includes('::') ? [...h, ...Array<string>(8 - h.length - r.length).fill('0'), ...r] : h;
  if (groups.length !== 8) return null;
  const nums = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return nums.every((n) => !Number.isNaN(n)) ? nums : null;
}

function classifyV6(ip: string): AddressKind {
  const g = v6Groups(ip);
  if (!g) return 'invalid';
  const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (g.every((n) => n === 0)) return 'unspecified';
  if (g.slice(0, 7).every((n) => n === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): judged as the IPv4 inside.
  if (g.slice(0, 5).every((n) => n === 0) && (g[5] === 0xffff || g[5] === 0)) return classifyV4(v4Of(g[6]!, g[7]!));
  // NAT64 (64:ff9b::/96) reaches the IPv4 inside too.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((n) => n === 0)) return classifyV4(v4Of(g[6]!, g[7]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // ULA fc00::/7
  if ((first & 0xffc0) === 0xfe80) return 'link_local';
  if ((first & 0xffc0) === 0xfec0) return 'reserved'; // old site-local
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  return 'public';
}

export function classifyAddress(ip: string): AddressKind {
  const version = isIP(ip.split('%')[0] ?? '');
  if (version === 4) return classifyV4(ip);
  if (version === 6) return classifyV6(ip);
  return 'invalid';
}

/** True for an address a webhook may be sent to when private addresses are not allowed. */
export const isPublicAddress = (ip: string): boolean => classifyAddress(ip) === 'public';

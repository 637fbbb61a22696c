/**
 * Where to go after signing in: only back into the ops face, so a crafted link cannot send a
 * freshly signed-in staff member to another site or face.
 */
export function opsRedirectTarget(raw: unknown): string {
  if (typeof raw !== 'string') return '/ops';
  const inOps = raw === '/ops' || raw.startsWith('/ops/') || raw.startsWith('/ops?');
  if (!inOps || raw.startsWith('/ops/sign-in')) return '/ops';
  return raw;
}

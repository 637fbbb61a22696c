/**
 * Whether a request's `If-None-Match` names `etag`: the client's copy is current, so a 304
 * with no body will do. Weak comparison, as RFC 9110 §13.1.2 asks of this header: `W/"x"`
 * and `"x"` match (a proxy that compressed the body may have weakened our tag), and `*`
 * matches any current view.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = withoutWeakPrefix(etag);
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || withoutWeakPrefix(t) === opaque;
  });
}

const withoutWeakPrefix = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);

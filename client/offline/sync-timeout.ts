/**
 * An abort signal that fires after `ms`. AbortSignal.timeout is missing on older phones
 * (Safari before 16); without this fallback every request there would throw before it left,
 * and the outbox would retry for ever without ever sending.
 */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The request timed out', 'TimeoutError')), ms);
  return controller.signal;
}

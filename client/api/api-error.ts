/**
 * What went wrong with a call, as the API said it (`{"error":{"code","message"}}`), or
 * `network_unreachable` (status 0) when no answer came at all: offline, DNS, server down.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, when the API gives any (the refusals of a return the rules refused). */
    readonly details: unknown = null,
    /** For 429: the server's Retry-After, so a form can say how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get unreachable(): boolean {
    return this.status === 0;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message = typeof body?.error?.message === 'string' ? body.error.message : response.statusText;
  // Absent, 0 or not a number of seconds (an HTTP date): no wait to show.
  return new ApiError(response.status, code, message, body?.error?.details ?? null, Number(response.headers.get('retry-after')) || null);
}

/** Runs a call and returns its response when it is 2xx; anything else becomes an ApiError. */
export async function okResponse<R extends Response>(call: () => Promise<R>): Promise<R> {
  let response: R;
  try {
    response = await call();
  } catch (error) {
    throw new ApiError(0, 'network_unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

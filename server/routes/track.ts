import { Hono, type TypedResponse } from 'hono';
import type { PublicTrackingView } from '../../shared/api/tracking-view';
import { deleteCookie, getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { attemptChoiceRequestSchema } from '../../shared/api/attempt-choice';
import { deliveryInstructionsSchema } from '../../shared/api/delivery-instructions';
import { verifyRequestSchema } from '../../shared/api/verification';
import type { AppDeps } from '../app-deps';
import { makeAttemptChoice } from '../domain/tracking/attempt-choice-service';
import { getPublicViewJson, parseTrackingNo } from '../domain/tracking/tracking-service';
import { publicViewCacheFor } from '../domain/tracking/public-view-cache';
import { publicViewAnswer } from '../http/public-view-answer';
import { getDetailsForSession, saveDeliveryInstructions, verifyByPhoneLast4 } from '../domain/tracking/verification-service';
import { AppError } from '../app-error';
import { clientAddress } from '../http/client-address';
import { deviceToken, setDeviceCookie } from '../http/device-cookie';
import { StreamSlots, type SlotRefusal } from '../http/stream-slots';
import { jsonBody, requireJsonContent } from '../http/json-body';
import { parcelCookie, setCustomerCookie } from '../http/session';

const HEARTBEAT_MS = 20_000;

type PublicViewResponse = TypedResponse<PublicTrackingView, 200, 'json'>;

const sessionCookie = parcelCookie;

/** How long a refused stream should wait: about as long as a reader stays on a tracking page. */
const STREAM_RETRY_SECONDS = 60;

function streamRefused(reason: SlotRefusal): AppError {
  if (reason === 'closing') return new AppError(503, 'shutting_down', 'This server is stopping; connect again in a moment', 5);
  const who = reason === 'address_full' ? 'from your address' : 'on this server';
  return new AppError(429, 'too_many_streams', `Too many live tracking streams are open ${who}; close one or try again later`, STREAM_RETRY_SECONDS);
}

export function trackRoutes(deps: AppDeps) {
  const { db, clock, bus, config } = deps;
  const publicViews = publicViewCacheFor(deps);
  const liveStreams = deps.liveStreams ?? new StreamSlots({ perAddress: config.liveStreamsPerAddress, total: config.liveStreamsTotal });
  return new Hono()
    // Canonical numbers are usually answered before the request reaches this route
    // (tracking-read-in-front.ts); this is the way for the rest: other spellings, errors.
    .get('/:trackingNo', async (c) => {
      const view = await publicViews.get(parseTrackingNo(c.req.param('trackingNo')), clock());
      const answer = publicViewAnswer(view, c.req.header('if-none-match'));
      // Typed as the 200 alike: only a client that sent the tag gets a 304, and a browser hands
      // the page its own copy in its place. The body is already JSON text, typed as what it
      // holds so the client's hc<ApiType> knows the shape.
      const sent = answer.body === null ? c.body(null, 304, answer.headers) : c.body(answer.body, 200, answer.headers);
      return sent as unknown as PublicViewResponse;
    })
    .get('/:trackingNo/stream', async (c) => {
      // Touched before the first await: @hono/node-server wires the signal to the socket only
      // once it exists, and a client gone before the stream starts is otherwise never noticed.
      const clientGone = c.req.raw.signal;
      const trackingNo = parseTrackingNo(c.req.param('trackingNo'));
      const first = await getPublicViewJson(db, trackingNo, clock());
      let endStream!: () => void;
      const ended = new Promise<void>((resolve) => (endStream = resolve));
      const slot = liveStreams.take(clientAddress(c, config.trustProxy), endStream);
      if (typeof slot === 'string') throw streamRefused(slot);
      return streamSSE(c, async (stream) => {
        let unsubscribe = () => {};
        let heartbeat: ReturnType<typeof setInterval> | undefined;
        try {
          stream.onAbort(endStream);
          clientGone.addEventListener('abort', endStream, { once: true });
          if (stream.aborted || clientGone.aborted) endStream();
          let sending = Promise.resolve();
          const send = () => {
            // Chained so two quick events can't interleave their writes.
            sending = sending
              .then(async () => stream.writeSSE({ event: 'tracking', data: await getPublicViewJson(db, trackingNo, clock()) }))
              .catch(() => stream.abort());
          };
          // A write waits until the socket takes it, which a vanished client never does.
          await Promise.race([stream.writeSSE({ event: 'tracking', data: first, retry: 3000 }), ended]);
          unsubscribe = bus.subscribe(trackingNo, send);
          heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
          await ended;
        } finally {
          // Whatever ended the stream (the reader left, the server stops), its listener, timer
          // and slot go with it.
          clearInterval(heartbeat);
          unsubscribe();
          slot.release();
        }
      });
    })
    .post('/:trackingNo/verify', requireJsonContent, jsonBody(verifyRequestSchema), async (c) => {
      const trackingNo = parseTrackingNo(c.req.param('trackingNo'));
      const { phoneLast4 } = c.req.valid('json');
      const now = clock();
      const result = await verifyByPhoneLast4(db, { trackingNo, phoneLast4, clientKey: clientAddress(c, config.trustProxy), deviceToken: deviceToken(c) }, now);
      setCustomerCookie(c, sessionCookie(trackingNo), result.token, result.expiresAt);
      setDeviceCookie(c, result.deviceToken, now);
      return c.json({ verified: true as const, expiresAt: result.expiresAt, details: result.details });
    })
    .put('/:trackingNo/instructions', requireJsonContent, jsonBody(deliveryInstructionsSchema), async (c) => {
      const trackingNo = parseTrackingNo(c.req.param('trackingNo'));
      const token = getCookie(c, sessionCookie(trackingNo));
      return c.json(await saveDeliveryInstructions(db, { trackingNo, token, instructions: c.req.valid('json') }, clock()));
    })
    .post('/:trackingNo/attempt-choice', requireJsonContent, jsonBody(attemptChoiceRequestSchema), async (c) => {
      const trackingNo = parseTrackingNo(c.req.param('trackingNo'));
      const token = getCookie(c, sessionCookie(trackingNo));
      const details = await makeAttemptChoice(db, { trackingNo, token, choice: c.req.valid('json'), timeZone: config.shopTimeZone }, clock());
      bus.publish(trackingNo);
      return c.json(details);
    })
    .get('/:trackingNo/details', async (c) => {
      const trackingNo = parseTrackingNo(c.req.param('trackingNo'));
      const token = getCookie(c, sessionCookie(trackingNo));
      try {
        return c.json(await getDetailsForSession(db, { trackingNo, token }, clock()));
      } catch (err) {
        // A stale or revoked token: drop it so the page shows the verify form again.
        if (token && err instanceof AppError && err.status === 401) deleteCookie(c, sessionCookie(trackingNo), { path: '/api' });
        throw err;
      }
    });
}

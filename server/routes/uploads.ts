import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppDeps } from '../app-deps';
import { AppError, badRequest } from '../app-error';
import { findSessionUser } from '../domain/auth/auth-service';
import { readUpload } from '../domain/uploads/upload-reading';
import { MAX_UPLOAD_BYTES, storeUpload, type UploadOwner, uploadUrl } from '../domain/uploads/upload-service';
import { parcelCookie, parcelTokens, requireSignedIn, sessionToken } from '../http/session';
import { requireVerifiedParcel } from '../domain/returns/customer-access';
import { parseTrackingNo } from '../domain/tracking/tracking-service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uploadId(raw: string): string {
  if (!UUID.test(raw)) throw badRequest('invalid_upload_id', 'An upload id is a UUID');
  return raw.toLowerCase();
}

/** The phone's own key for the photo: a retry with it gets the first answer back. */
function idempotencyKey(raw: string | undefined): string {
  if (raw === undefined) throw badRequest('idempotency_key_required', 'Send the photo with an Idempotency-Key header (a UUID the phone keeps for it)');
  if (!UUID.test(raw)) throw badRequest('invalid_idempotency_key', 'The Idempotency-Key is a UUID');
  return raw.toLowerCase();
}

export function uploadRoutes({ db, clock, config }: AppDeps) {
  return new Hono()
    .post('/', async (c) => {
      const now = clock();
      // A courier's proof photo, or — with ?trackingNo= — a verified customer's return or feedback evidence.
      const rawTrackingNo = c.req.query('trackingNo');
      const trackingNo = rawTrackingNo === undefined ? null : parseTrackingNo(rawTrackingNo);
      const owner: UploadOwner =
        trackingNo === null
          ? { courierId: (await requireSignedIn(db, sessionToken(c), now, 'courier')).id }
          : { orderId: (await requireVerifiedParcel(db, { trackingNo, token: getCookie(c, parcelCookie(trackingNo)) }, now)).orderId };
      const clientKey = idempotencyKey(c.req.header('idempotency-key'));
      // Refused on the declared size before a byte is read; the body limit in app.ts catches liars.
      const declared = Number(c.req.header('content-length') ?? NaN);
      if (declared > MAX_UPLOAD_BYTES) throw new AppError(413, 'payload_too_large', `Photos are limited to ${MAX_UPLOAD_BYTES} bytes`);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw badRequest('empty_upload', 'The photo is empty');
      const { id, created } = await storeUpload(db, { clientKey, owner, bytes, uploadDir: config.uploadDir }, now);
      return c.json({ id, url: uploadUrl(id) }, created ? 201 : 200);
    })
    .get('/:id', async (c) => {
      const id = uploadId(c.req.param('id'));
      const now = clock();
      const customerTokens = parcelTokens(c);
      const user = await findSessionUser(db, sessionToken(c), now);
      const photo = await readUpload(db, { id, user, customerTokens, uploadDir: config.uploadDir }, now);
      return c.body(new Uint8Array(photo.bytes), 200, {
        'Content-Type': photo.contentType,
        // Personal: never in a shared cache.
        'Cache-Control': 'private, max-age=86400',
      });
    });
}

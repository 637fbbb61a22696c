import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/courier/manifest';
import { AppError, conflict, forbidden, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findSessionOrderId } from '../tracking/customer-session-repository';
import { EXTENSION, sniffImageType } from './image-type';

/** A phone photo compressed to 1600 px is ~300 KB; 5 MB leaves room for an uncompressed fallback. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Writes checked image bytes under a server-made name, flushed to disk before anyone is told "stored". */
async function writeImageFile(bytes: Uint8Array, uploadDir: string) {
  const type = sniffImageType(bytes);
  if (!type) throw new AppError(415, 'not_an_image', 'Only JPEG, PNG and WebP photos can be uploaded');
  await mkdir(uploadDir, { recursive: true });
  const storedName = `${randomUUID()}.${EXTENSION[type]}`;
  // The phone deletes its copy once told "stored", so the bytes must be on disk by then.
  const file = await open(join(uploadDir, storedName), 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  return { storedName, type, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Stores a photo under a name the server makes (never the client's), after checking its bytes
 * are an image. Idempotent per id: the phone may send it again after a lost answer. `owner`
 * says whose it is: a courier's proof, or a verified customer's evidence for their order.
 */
export async function storeUpload(
  db: Kysely<Database>,
  input: { id: string; owner: { courierId: number } | { orderId: number }; bytes: Uint8Array; uploadDir: string },
  now: number,
): Promise<{ created: boolean }> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const sameUpload = async (): Promise<boolean> => {
    const existing =
      'courierId' in input.owner
        ? await db.selectFrom('uploads').select(['courier_id as owner', 'sha256']).where('id', '=', input.id).executeTakeFirst()
        : await db.selectFrom('customer_uploads').select(['order_id as owner', 'sha256']).where('id', '=', input.id).executeTakeFirst();
    if (!existing) return false;
    const owner = 'courierId' in input.owner ? input.owner.courierId : input.owner.orderId;
    if (existing.owner === owner && existing.sha256 === sha256) return true;
    throw conflict('upload_id_taken', 'This upload id is already used for another file');
  };
  if (await sameUpload()) return { created: false };
  const file = await writeImageFile(input.bytes, input.uploadDir);
  const common = { id: input.id, stored_name: file.storedName, content_type: file.type, byte_size: input.bytes.length, sha256: file.sha256, created_at: now };
  const inserted =
    'courierId' in input.owner
      ? await db.insertInto('uploads').values({ ...common, courier_id: input.owner.courierId }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()
      : await db.insertInto('customer_uploads').values({ ...common, order_id: input.owner.orderId }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { created: true };
  // The same id arrived twice at once and the other request won: keep one file, answer as it did.
  await unlink(join(input.uploadDir, file.storedName));
  await sameUpload();
  return { created: false };
}

/**
 * Reads a photo for a caller allowed to see it: the courier who took it, staff, or a customer
 * verified for the parcel it proves. Everyone else gets 404 or 403, never the bytes.
 */
export async function readUpload(
  db: Kysely<Database>,
  input: { id: string; user: SessionUser | null; customerTokens: string[]; uploadDir: string },
  now: number,
): Promise<{ bytes: Buffer; contentType: string }> {
  const upload = await db
    .selectFrom('uploads')
    .leftJoin('shipments', 'shipments.id', 'uploads.shipment_id')
    .select(['uploads.courier_id', 'uploads.stored_name', 'uploads.content_type', 'shipments.order_id'])
    .where('uploads.id', '=', input.id)
    .executeTakeFirst();
  if (!upload) return readCustomerUpload(db, input, now);
  const allowed =
    input.user?.role === 'staff' ||
    (input.user?.role === 'courier' && input.user.id === upload.courier_id) ||
    (upload.order_id != null && (await customerMaySee(db, input.customerTokens, upload.order_id, now)));
  if (!allowed) throw forbidden('not_your_photo', 'You may not see this photo');
  return { bytes: await readFile(join(input.uploadDir, upload.stored_name)), contentType: upload.content_type };
}

async function customerMaySee(db: Kysely<Database>, tokens: string[], orderId: number, now: number): Promise<boolean> {
  for (const token of tokens) if ((await findSessionOrderId(db, token, now)) === orderId) return true;
  return false;
}

/** A customer's return photo: for staff, and for the customer verified for that order. */
async function readCustomerUpload(
  db: Kysely<Database>,
  input: { id: string; user: SessionUser | null; customerTokens: string[]; uploadDir: string },
  now: number,
): Promise<{ bytes: Buffer; contentType: string }> {
  const upload = await db.selectFrom('customer_uploads').select(['order_id', 'stored_name', 'content_type']).where('id', '=', input.id).executeTakeFirst();
  if (!upload) throw notFound('upload_not_found', 'No such photo');
  const allowed = input.user?.role === 'staff' || (await customerMaySee(db, input.customerTokens, upload.order_id, now));
  if (!allowed) throw forbidden('not_your_photo', 'You may not see this photo');
  return { bytes: await readFile(join(input.uploadDir, upload.stored_name)), contentType: upload.content_type };
}

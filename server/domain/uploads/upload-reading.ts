import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/courier/manifest';
import { forbidden, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import { findSessionOrderId } from '../tracking/customer-session-repository';
import { reencodePhoto } from './photo-reencoding';
import { findCourierUploadWithOrder, findCustomerUpload, type StoredPhoto } from './upload-repository';

interface ReadInput {
  id: string;
  user: SessionUser | null;
  customerTokens: string[];
  uploadDir: string;
}

/**
 * Reads a photo for a caller allowed to see it: the courier who took it, staff, or a customer
 * verified for the parcel it proves. Everyone else gets 404 or 403, never the bytes.
 */
export async function readUpload(db: Kysely<Database>, input: ReadInput, now: number): Promise<{ bytes: Buffer; contentType: string }> {
  const found = await findCourierUploadWithOrder(db, input.id);
  if (!found) return readCustomerUpload(db, input, now);
  const { upload, orderId } = found;
  const allowed =
    input.user?.role === 'staff' ||
    (input.user?.role === 'courier' && input.user.id === upload.courierId) ||
    (orderId != null && (await customerMaySee(db, input.customerTokens, orderId, now)));
  if (!allowed) throw forbidden('not_your_photo', 'You may not see this photo');
  return photoBytes(upload, input.uploadDir);
}

async function customerMaySee(db: Kysely<Database>, tokens: string[], orderId: number, now: number): Promise<boolean> {
  for (const token of tokens) if ((await findSessionOrderId(db, token, now)) === orderId) return true;
  return false;
}

/** A customer's return or feedback photo: for staff, and for the customer verified for that order. */
async function readCustomerUpload(db: Kysely<Database>, input: ReadInput, now: number): Promise<{ bytes: Buffer; contentType: string }> {
  const upload = await findCustomerUpload(db, input.id);
  if (!upload) throw notFound('upload_not_found', 'No such photo');
  const allowed = input.user?.role === 'staff' || (await customerMaySee(db, input.customerTokens, upload.orderId, now));
  if (!allowed) throw forbidden('not_your_photo', 'You may not see this photo');
  return photoBytes(upload, input.uploadDir);
}

/** A photo from before re-encoding on upload still carries what the phone wrote: it leaves only re-encoded. */
async function photoBytes(photo: StoredPhoto, uploadDir: string): Promise<{ bytes: Buffer; contentType: string }> {
  const bytes = await readFile(join(uploadDir, photo.storedName));
  if (photo.receivedSha256 !== null) return { bytes, contentType: photo.contentType };
  const clean = await reencodePhoto(bytes);
  return { bytes: clean.bytes, contentType: clean.contentType };
}

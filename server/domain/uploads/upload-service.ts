import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { conflict } from '../../app-error';
import type { Database } from '../../db/schema';
import { reencodePhoto } from './photo-reencoding';
import {
  findCourierUploadByKey,
  findCustomerUploadByKey,
  insertCourierUpload,
  insertCustomerUpload,
  type NewPhoto,
  type StoredPhoto,
} from './upload-repository';

/** A phone photo compressed to 1600 px is ~300 KB; 5 MB leaves room for an uncompressed fallback. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Whose photo it is: a courier's proof, or evidence a verified customer gives for their order. */
export type UploadOwner = { courierId: number } | { orderId: number };

export const uploadUrl = (id: string) => `/api/uploads/${id}`;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Writes the re-encoded bytes under a server-made name, flushed to disk before anyone is told "stored". */
async function writePhotoFile(bytes: Uint8Array, uploadDir: string): Promise<string> {
  await mkdir(uploadDir, { recursive: true });
  const storedName = `${randomUUID()}.jpg`;
  // The phone deletes its copy once told "stored", so the bytes must be on disk by then.
  const file = await open(join(uploadDir, storedName), 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
  return storedName;
}

/** The photo this uploader already kept with this key; another uploader's keys are never looked at. */
function findByClientKey(db: Kysely<Database>, owner: UploadOwner, clientKey: string): Promise<StoredPhoto | null> {
  return 'courierId' in owner ? findCourierUploadByKey(db, owner.courierId, clientKey) : findCustomerUploadByKey(db, owner.orderId, clientKey);
}

/** A retry gets the first answer; the same key with other bytes is a phone bug, not a retry. */
function answerRetry(earlier: StoredPhoto, receivedSha256: string): { id: string; created: false } {
  if (earlier.receivedSha256 !== receivedSha256) {
    throw conflict('idempotency_key_reused', 'This Idempotency-Key was already used for another photo');
  }
  return { id: earlier.id, created: false };
}

/**
 * Keeps a photo under an id the server makes, as a clean re-encoding (photo-reencoding.ts):
 * the bytes as sent are never stored. `clientKey` is the phone's own key for the photo: the
 * same uploader sending it again (a lost answer, two retries racing) gets the same id and no
 * second row; another uploader with the same key is a different photo with its own id.
 */
export async function storeUpload(
  db: Kysely<Database>,
  input: { clientKey: string; owner: UploadOwner; bytes: Uint8Array; uploadDir: string },
  now: number,
): Promise<{ id: string; created: boolean }> {
  const receivedSha256 = sha256(input.bytes);
  const earlier = await findByClientKey(db, input.owner, input.clientKey);
  if (earlier) return answerRetry(earlier, receivedSha256);

  const photo = await reencodePhoto(input.bytes);
  const storedName = await writePhotoFile(photo.bytes, input.uploadDir);
  const newPhoto: NewPhoto = {
    id: randomUUID(),
    storedName,
    contentType: photo.contentType,
    byteSize: photo.bytes.length,
    sha256: sha256(photo.bytes),
    clientKey: input.clientKey,
    receivedSha256,
    createdAt: now,
  };
  // The unique (owner, client_key) index decides a race between two sends of one photo.
  const kept =
    'courierId' in input.owner
      ? await insertCourierUpload(db, input.owner.courierId, newPhoto)
      : await insertCustomerUpload(db, input.owner.orderId, newPhoto);
  if (kept) return { id: newPhoto.id, created: true };
  // The other send won: keep its file and row, answer as it did.
  await unlink(join(input.uploadDir, storedName));
  const winner = await findByClientKey(db, input.owner, input.clientKey);
  if (!winner) throw new Error(`upload key ${input.clientKey} conflicted but no row holds it`);
  return answerRetry(winner, receivedSha256);
}

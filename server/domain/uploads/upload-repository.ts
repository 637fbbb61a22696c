import type { Kysely, Selectable } from 'kysely';
import type { CustomerUploadTable, Database, UploadTable } from '../../db/schema';

/** What every kept photo has, whoever took it. */
export interface StoredPhoto {
  /** Made by the server (never the phone's), so ids can't be guessed or squatted. */
  id: string;
  /** The file's name under the upload directory. */
  storedName: string;
  contentType: string;
  byteSize: number;
  /** Of the stored re-encoding. */
  sha256: string;
  /** The phone's own key for the photo (idempotency); null for photos kept before 2026-12-04. */
  clientKey: string | null;
  /** Of the bytes as sent; null for photos kept before 2026-12-04, stored as sent (EXIF and all). */
  receivedSha256: string | null;
  createdAt: number;
}

/** A courier's proof photo (table `uploads`). */
export interface CourierUpload extends StoredPhoto {
  courierId: number;
  /** The parcel the photo proves, once a report using it was applied; null until then. */
  shipmentId: number | null;
}

/** Evidence a verified customer gave for their order: a return or feedback photo (table `customer_uploads`). */
export interface CustomerUpload extends StoredPhoto {
  orderId: number;
}

/** A photo being kept now: since 2026-12-04 every one comes with its key and the hash of what was sent. */
export type NewPhoto = Omit<StoredPhoto, 'clientKey' | 'receivedSha256'> & { clientKey: string; receivedSha256: string };

export function toCourierUpload(row: Selectable<UploadTable>): CourierUpload {
  return {
    id: row.id,
    courierId: row.courier_id,
    storedName: row.stored_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    shipmentId: row.shipment_id,
    clientKey: row.client_key,
    receivedSha256: row.received_sha256,
    createdAt: row.created_at,
  };
}

export function toCustomerUpload(row: Selectable<CustomerUploadTable>): CustomerUpload {
  return {
    id: row.id,
    orderId: row.order_id,
    storedName: row.stored_name,
    contentType: row.content_type,
    byteSize: row.byte_size,
    sha256: row.sha256,
    clientKey: row.client_key,
    receivedSha256: row.received_sha256,
    createdAt: row.created_at,
  };
}

const photoColumns = (photo: NewPhoto) => ({
  id: photo.id,
  stored_name: photo.storedName,
  content_type: photo.contentType,
  byte_size: photo.byteSize,
  sha256: photo.sha256,
  client_key: photo.clientKey,
  received_sha256: photo.receivedSha256,
  created_at: photo.createdAt,
});

/** A courier's photo, with the order of the parcel it proves (null until a report used it). */
export async function findCourierUploadWithOrder(db: Kysely<Database>, id: string): Promise<{ upload: CourierUpload; orderId: number | null } | null> {
  const row = await db
    .selectFrom('uploads')
    .leftJoin('shipments', 'shipments.id', 'uploads.shipment_id')
    .selectAll('uploads')
    .select('shipments.order_id')
    .where('uploads.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const { order_id: orderId, ...upload } = row;
  return { upload: toCourierUpload(upload), orderId };
}

export async function findCustomerUpload(db: Kysely<Database>, id: string): Promise<CustomerUpload | null> {
  const row = await db.selectFrom('customer_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCustomerUpload(row) : null;
}

/** The photo this courier already kept under their key; another uploader's keys are never looked at. */
export async function findCourierUploadByKey(db: Kysely<Database>, courierId: number, clientKey: string): Promise<CourierUpload | null> {
  const row = await db.selectFrom('uploads').selectAll().where('courier_id', '=', courierId).where('client_key', '=', clientKey).executeTakeFirst();
  return row ? toCourierUpload(row) : null;
}

/** The photo this order's customer already kept under their key. */
export async function findCustomerUploadByKey(db: Kysely<Database>, orderId: number, clientKey: string): Promise<CustomerUpload | null> {
  const row = await db.selectFrom('customer_uploads').selectAll().where('order_id', '=', orderId).where('client_key', '=', clientKey).executeTakeFirst();
  return row ? toCustomerUpload(row) : null;
}

/**
 * Keeps the row unless this courier already holds the key: the unique (courier_id, client_key)
 * index decides a race between two sends of one photo. True when this row was the one kept.
 */
export async function insertCourierUpload(db: Kysely<Database>, courierId: number, photo: NewPhoto): Promise<boolean> {
  const inserted = await db
    .insertInto('uploads')
    .values({ ...photoColumns(photo), courier_id: courierId })
    .onConflict((oc) => oc.columns(['courier_id', 'client_key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** As insertCourierUpload, for a customer's photo: unique per (order_id, client_key). */
export async function insertCustomerUpload(db: Kysely<Database>, orderId: number, photo: NewPhoto): Promise<boolean> {
  const inserted = await db
    .insertInto('customer_uploads')
    .values({ ...photoColumns(photo), order_id: orderId })
    .onConflict((oc) => oc.columns(['order_id', 'client_key']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** How many of `ids` (lower-cased, distinct) this order's customer uploaded: evidence can't be borrowed from another order. */
export async function countOrderPhotos(db: Kysely<Database>, orderId: number, ids: readonly string[]): Promise<number> {
  const lowered = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (lowered.length === 0) return 0;
  const rows = await db.selectFrom('customer_uploads').select('id').where('id', 'in', lowered).where('order_id', '=', orderId).execute();
  return rows.length;
}

/** This courier's uploads among `ids`, with the parcel each already proves (null: none yet). */
export async function findCourierUploads(db: Kysely<Database>, courierId: number, ids: readonly string[]): Promise<Map<string, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('uploads').selectAll().where('id', 'in', [...ids]).where('courier_id', '=', courierId).execute();
  return new Map(rows.map(toCourierUpload).map((u) => [u.id, u.shipmentId]));
}

/** A photo proves the parcel its report was applied to, and only that one. */
export async function bindUploadsToShipment(db: Kysely<Database>, ids: readonly string[], shipmentId: number): Promise<void> {
  await db.updateTable('uploads').set({ shipment_id: shipmentId }).where('id', 'in', [...ids]).execute();
}

import type { CourierReport } from '../../shared/courier/courier-report';
import type { StoredPhoto } from './outbox-records';

/**
 * The phone names each photo with its own key (the outbox and the stop's history point at it);
 * the server names it with an id of its own, learnt from the upload's answer. A report goes to
 * the server only with the server's ids, so it is never sent before all its images are there.
 */

/** The server's id for a stored image, or null while the server has not answered for it. */
export function serverIdOf(photo: Pick<StoredPhoto, 'id' | 'uploaded' | 'serverId'>): string | null {
  if (photo.serverId) return photo.serverId;
  // Uploaded by an app from before server-made ids: the server kept the phone's key as the id.
  return photo.uploaded ? photo.id : null;
}

/** The report with its images renamed to the server's ids; null while any of them has none yet. */
export function reportForServer(report: CourierReport, serverIds: ReadonlyMap<string, string>): CourierReport | null {
  const photoIds = report.photoIds?.map((key) => serverIds.get(key));
  const signatureId = report.signatureId === undefined ? undefined : serverIds.get(report.signatureId);
  if (photoIds?.some((id) => id === undefined) || (report.signatureId !== undefined && signatureId === undefined)) return null;
  return {
    ...report,
    ...(photoIds ? { photoIds: photoIds as string[] } : {}),
    ...(signatureId ? { signatureId } : {}),
  };
}

import type { Kysely } from 'kysely';
import type { FeedbackView } from '../../../shared/api/feedback';
import { badRequest, conflict, notFound } from '../../app-error';
import type { Database } from '../../db/schema';
import type { Shipment } from '../tracking/shipment-repository';
import { classifyWithModel } from './combined-classification';
import { currentFeedbackModel } from './feedback-model-holder';
import { countOrderPhotos } from '../uploads/upload-repository';
import { findFeedbackForShipment, insertFeedback, loadCategories, updateFeedbackAnswers, writeCategories, type Feedback, type FeedbackAnswers } from './feedback-repository';
import { canEditFeedback, editableUntil, isNegativeFeedback } from './feedback-rules';
import { findShopResponse, openFollowUpUnlessOpen } from './follow-up-service';
import { loadShipmentFacts } from './shipment-facts';

export type FeedbackInput = FeedbackAnswers;

function requireDelivered(shipment: Shipment): void {
  if (shipment.status !== 'Delivered') throw conflict('not_delivered', 'Feedback is given once the parcel is delivered');
}

async function requireOwnPhoto(db: Kysely<Database>, orderId: number, photoId: string | null): Promise<string | null> {
  if (photoId === null) return null;
  const id = photoId.toLowerCase();
  if ((await countOrderPhotos(db, orderId, [id])) === 0) throw badRequest('photo_not_uploaded', 'The photo this feedback refers to has not been uploaded');
  return id;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(e?.message ?? '');
}

/** Classifies and stores the categories; opens a call-back when the customer is unhappy. */
async function afterWrite(db: Kysely<Database>, shipment: Shipment, feedback: Feedback, now: number): Promise<void> {
  const facts = await loadShipmentFacts(db, shipment, now);
  const categories = classifyWithModel({ comment: feedback.comment, csat: feedback.csat, nps: feedback.nps, tags: feedback.tags, facts }, currentFeedbackModel());
  await writeCategories(db, feedback, categories);
  if (isNegativeFeedback(feedback.csat, feedback.nps)) {
    // Due from the moment the customer told us, whether in the first answer or an edit.
    await openFollowUpUnlessOpen(db, { kind: 'negative_feedback', shipmentId: shipment.id, feedbackId: feedback.id, openedAt: now });
  }
}

export async function createFeedback(db: Kysely<Database>, shipment: Shipment, input: FeedbackInput, now: number): Promise<FeedbackView> {
  requireDelivered(shipment);
  const photoId = await requireOwnPhoto(db, shipment.orderId, input.photoId);
  try {
    await db.transaction().execute(async (trx) => {
      if (await findFeedbackForShipment(trx, shipment.id)) throw conflict('feedback_exists', 'This parcel already has feedback; edit it instead');
      const feedback = await insertFeedback(trx, shipment, { ...input, photoId }, now);
      await afterWrite(trx, shipment, feedback, now);
    });
  } catch (error) {
    // Two submissions racing: the unique index lets one in; the other is told as if it came second.
    if (isUniqueViolation(error)) throw conflict('feedback_exists', 'This parcel already has feedback; edit it instead');
    throw error;
  }
  return (await loadFeedbackView(db, shipment))!;
}

export async function updateFeedback(db: Kysely<Database>, shipment: Shipment, input: FeedbackInput, now: number): Promise<FeedbackView> {
  const existing = await findFeedbackForShipment(db, shipment.id);
  if (!existing) throw notFound('feedback_not_found', 'There is no feedback on this parcel yet');
  if (!canEditFeedback(existing.createdAt, now)) throw conflict('feedback_locked', 'Feedback can be changed for 24 hours after it was given');
  const photoId = await requireOwnPhoto(db, shipment.orderId, input.photoId);
  await db.transaction().execute(async (trx) => {
    const feedback = await updateFeedbackAnswers(trx, existing.id, { ...input, photoId }, now);
    await afterWrite(trx, shipment, feedback, now);
  });
  return (await loadFeedbackView(db, shipment))!;
}

export async function loadFeedbackView(db: Kysely<Database>, shipment: Shipment): Promise<FeedbackView | null> {
  const feedback = await findFeedbackForShipment(db, shipment.id);
  if (!feedback) return null;
  return {
    trackingNo: shipment.trackingNo,
    csat: feedback.csat,
    nps: feedback.nps,
    tags: feedback.tags,
    comment: feedback.comment,
    photoId: feedback.photoId,
    categories: await loadCategories(db, feedback.id),
    createdAt: feedback.createdAt,
    updatedAt: feedback.updatedAt,
    editableUntil: editableUntil(feedback.createdAt),
    shopResponse: await findShopResponse(db, shipment.id),
  };
}

export async function requireFeedbackView(db: Kysely<Database>, shipment: Shipment): Promise<FeedbackView> {
  const view = await loadFeedbackView(db, shipment);
  if (!view) throw notFound('feedback_not_found', 'There is no feedback on this parcel yet');
  return view;
}

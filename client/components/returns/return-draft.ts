import type { ReturnableItem } from '../../../shared/api/return-views';
import type { CreateReturnRequest, ReturnMethod, ReturnQuoteRequest } from '../../../shared/api/returns';
import { offeredReturnDetails, reasonAsksForDetail } from '../../../shared/returns/return-details';
import { findReturnReason, type ItemCondition, type ReturnReasonCode } from '../../../shared/returns/return-reasons';

/** The return form's choices so far. Pure data: the page holds it, these functions read it. */
export interface ReturnDraft {
  /** Units to send back per order line; a line at 0 is not part of the return. */
  quantities: Record<number, number>;
  reasonCode: ReturnReasonCode | '';
  reasonDetail: string;
  condition: ItemCondition | '';
  method: ReturnMethod;
  pickupSlotStart: number | null;
  /** Photos the server already has. */
  photoIds: string[];
  /** Photos still on their way up (or failed and waiting for a retry). */
  photosUnsent: number;
  note: string;
}

/** What still stops the customer from submitting, in the form's order. */
export type DraftGap = 'items' | 'reason' | 'detail' | 'condition' | 'photos' | 'photos_unsent' | 'slot';

export function emptyDraft(): ReturnDraft {
  // Courier pickup first, as the marketplaces offer it: most people would rather not go out.
  return { quantities: {}, reasonCode: '', reasonDetail: '', condition: '', method: 'pickup', pickupSlotStart: null, photoIds: [], photosUnsent: 0, note: '' };
}

export function chosenItems(draft: Pick<ReturnDraft, 'quantities'>): { orderItemId: number; quantity: number }[] {
  return Object.entries(draft.quantities)
    .map(([id, quantity]) => ({ orderItemId: Number(id), quantity }))
    .filter((line) => line.quantity > 0)
    .sort((a, b) => a.orderItemId - b.orderItemId);
}

/** A stepper's next value: whole units between none and what can still be returned. */
export function steppedQuantity(current: number, step: 1 | -1, item: Pick<ReturnableItem, 'returnable'>): number {
  return Math.min(Math.max(0, current + step), Math.max(0, item.returnable));
}

/** The categories of the items chosen so far, which decide the details offered (return-details.ts). */
export function chosenCategories(draft: Pick<ReturnDraft, 'quantities'>, items: readonly Pick<ReturnableItem, 'orderItemId' | 'category'>[]): string[] {
  const chosen = new Set(chosenItems(draft).map((line) => line.orderItemId));
  return items.filter((item) => chosen.has(item.orderItemId)).map((item) => item.category);
}

/** `categories`: of the chosen items; a detail must fit them all. A no-reason return has none to give. */
export function draftGaps(draft: ReturnDraft, categories: readonly string[]): DraftGap[] {
  const reason = draft.reasonCode ? findReturnReason(draft.reasonCode) : undefined;
  const gaps: DraftGap[] = [];
  if (chosenItems(draft).length === 0) gaps.push('items');
  if (!reason) gaps.push('reason');
  else if (reasonAsksForDetail(reason.code) && !offeredReturnDetails(reason.code, categories).some((d) => d.code === draft.reasonDetail)) gaps.push('detail');
  if (!draft.condition) gaps.push('condition');
  if (reason?.photoRequired && draft.photoIds.length === 0 && draft.photosUnsent === 0) gaps.push('photos');
  if (draft.photosUnsent > 0) gaps.push('photos_unsent');
  if (draft.method === 'pickup' && draft.pickupSlotStart === null) gaps.push('slot');
  return gaps;
}

/**
 * The quote to ask for, or null while the rules have too little to answer (no items, reason or
 * condition yet). The detail, photos and the slot do not hold it back: the detail does not
 * change the answer (so it is not sent, and picking one asks nothing new), a missing photo is
 * one of the rules' own refusals, and the slot does not change the amount.
 */
export function quoteRequestOf(trackingNo: string, draft: ReturnDraft): ReturnQuoteRequest | null {
  const items = chosenItems(draft);
  const reason = draft.reasonCode ? findReturnReason(draft.reasonCode) : undefined;
  if (items.length === 0 || !reason || !draft.condition) return null;
  return {
    trackingNo,
    items,
    reasonCode: reason.code,
    reasonDetail: null,
    condition: draft.condition,
    method: draft.method,
    photoIds: [...draft.photoIds],
  };
}

export function createRequestOf(trackingNo: string, draft: ReturnDraft): CreateReturnRequest | null {
  const quote = quoteRequestOf(trackingNo, draft);
  if (!quote) return null;
  return {
    ...quote,
    reasonDetail: reasonAsksForDetail(quote.reasonCode) && draft.reasonDetail ? draft.reasonDetail : null,
    pickupSlotStart: draft.method === 'pickup' ? draft.pickupSlotStart : null,
    note: draft.note.trim(),
  };
}

/** Two requests ask the same question when they serialise alike (items are sorted, photos kept in order). */
export function sameQuoteRequest(a: ReturnQuoteRequest | null, b: ReturnQuoteRequest | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import type { ReturnItemView } from '../../../shared/api/return-views';
import type { ReceiveReturnRequest } from '../../../shared/api/returns';

/**
 * Receive and inspect: each returned unit is accepted (refunded), damaged (recorded, not
 * refunded) or missing (whatever is left). The server refuses accepted + damaged > quantity;
 * the steppers keep the pair inside that by taking from the other count.
 */
export interface InspectionLine {
  orderItemId: number;
  quantity: number;
  acceptedQuantity: number;
  damagedQuantity: number;
}

/** Most parcels come back as they left: everything accepted until staff say otherwise. */
export function defaultInspection(items: readonly ReturnItemView[]): InspectionLine[] {
  return items.map((item) => ({
    orderItemId: item.orderItemId,
    quantity: item.quantity,
    acceptedQuantity: item.quantity,
    damagedQuantity: 0,
  }));
}

const clamp = (value: number, max: number) => Math.min(Math.max(Math.trunc(value), 0), max);

/** Accepted set to `value` (clamped to 0…quantity); damaged gives way if the two no longer fit. */
export function withAccepted(line: InspectionLine, value: number): InspectionLine {
  const accepted = clamp(value, line.quantity);
  return { ...line, acceptedQuantity: accepted, damagedQuantity: Math.min(line.damagedQuantity, line.quantity - accepted) };
}

/** Damaged set to `value`; accepted gives way, since a damaged unit is one not accepted. */
export function withDamaged(line: InspectionLine, value: number): InspectionLine {
  const damaged = clamp(value, line.quantity);
  return { ...line, damagedQuantity: damaged, acceptedQuantity: Math.min(line.acceptedQuantity, line.quantity - damaged) };
}

export function missingQuantity(line: InspectionLine): number {
  return line.quantity - line.acceptedQuantity - line.damagedQuantity;
}

export type InspectionProblem = 'not_whole_number' | 'over_quantity';

export function inspectionProblem(line: InspectionLine): InspectionProblem | null {
  const counts = [line.acceptedQuantity, line.damagedQuantity];
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) return 'not_whole_number';
  if (line.acceptedQuantity + line.damagedQuantity > line.quantity) return 'over_quantity';
  return null;
}

/** `overrideReason`: staff's reason to receive a parcel Doorstep has not seen arrive. */
export function receiveRequest(lines: readonly InspectionLine[], note: string, overrideReason: string | null = null): ReceiveReturnRequest {
  return {
    items: lines.map(({ orderItemId, acceptedQuantity, damagedQuantity }) => ({ orderItemId, acceptedQuantity, damagedQuantity })),
    note: note.trim(),
    ...(overrideReason === null ? {} : { override: { reason: overrideReason.trim() } }),
  };
}

/** The override reason as the server checks it: 1–200 characters once trimmed, no control characters. */
export function overrideReasonProblem(reason: string): 'required' | 'too_long' | 'control' | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return 'required';
  if (trimmed.length > 200) return 'too_long';
  return /\p{Cc}/u.test(trimmed) ? 'control' : null;
}

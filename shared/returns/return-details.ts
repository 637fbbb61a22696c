import { findReturnReason, type ReturnDetail } from './return-reasons';

/**
 * Which second-level reasons a return may give, from its reason and the categories of the
 * items going back. One reason covers the whole return, so a detail is offered only when it
 * fits every item in it ("开线" for a shirt and a bag of oranges fits neither the oranges nor
 * the customer). A no-reason return asks for none. The form offers these; the server checks
 * the same rule.
 */
export function offeredReturnDetails(reasonCode: string, categories: readonly string[]): ReturnDetail[] {
  const reason = findReturnReason(reasonCode);
  if (!reason) return [];
  return reason.details.filter((d) => !d.retired && categories.every((category) => d.fits === 'any' || d.fits.includes(category)));
}

/** A reason that asks for a detail (every reason but no-reason). */
export function reasonAsksForDetail(reasonCode: string): boolean {
  return findReturnReason(reasonCode)?.details.some((d) => !d.retired) ?? false;
}

/**
 * A reason the form offers for these items: one that asks for no detail, or one with a detail
 * that fits them (a size problem is no reason to send back oranges).
 */
export function reasonFitsItems(reasonCode: string, categories: readonly string[]): boolean {
  return !reasonAsksForDetail(reasonCode) || offeredReturnDetails(reasonCode, categories).length > 0;
}

export type DetailProblem = 'detail_required' | 'detail_not_asked' | 'unknown_reason_detail' | 'detail_not_for_category';

/**
 * What is wrong with the detail given (null: nothing). `required` is false for a quote: the
 * preview answers before the customer has picked a detail.
 */
export function returnDetailProblem(
  reasonCode: string,
  detailCode: string | null,
  categories: readonly string[],
  required: boolean,
): DetailProblem | null {
  const asks = reasonAsksForDetail(reasonCode);
  if (detailCode === null) return asks && required ? 'detail_required' : null;
  if (!asks) return 'detail_not_asked';
  const known = findReturnReason(reasonCode)?.details.find((d) => d.code === detailCode && !d.retired);
  if (!known) return 'unknown_reason_detail';
  return offeredReturnDetails(reasonCode, categories).some((d) => d.code === detailCode) ? null : 'detail_not_for_category';
}

/**
 * Negative in the product's words: CSAT 1–2, or a detractor on NPS (0–6). The server opens a
 * call-back for it; the customer's thank-you says one is coming.
 */
export function isNegativeFeedback(csat: number, nps: number | null): boolean {
  return csat <= 2 || (nps !== null && nps <= 6);
}

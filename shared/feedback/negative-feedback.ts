/**
 * Negative in the product's words: CSAT 1–2, or a neutral CSAT 3 from a detractor on NPS
 * (0–6). The server opens a call-back for it; the customer's thank-you says one is coming.
 * A customer who rated this delivery 4–5 is satisfied with it: a low "would recommend" next
 * to that is about the shop or shopping online at large, and a call-back listed under
 * 客户不满意 (customer unhappy) would be the wrong call (issue 10: a 4/5 praise landed there).
 */
export function isNegativeFeedback(csat: number, nps: number | null): boolean {
  if (csat <= 2) return true;
  return csat === 3 && nps !== null && nps <= 6;
}

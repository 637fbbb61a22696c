/**
 * Money on screen: integer fen in, "¥1,234.56" out, with integer arithmetic only, so what the
 * customer reads is exactly the stored amount (no float ever touches it). Yuan with two
 * decimals reads the same in Chinese and English, so there is no locale to pass.
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Money must be whole fen, got ${fen}`);
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  // U+2212: a real minus sign, which screen readers say and which lines up with the ¥.
  return `${fen < 0 ? '−' : ''}¥${yuan}.${cents}`;
}

/** A deduction on a bill: "−¥10.00"; nothing deducted reads "¥0.00", not "−¥0.00". */
export function formatDeductionFen(fen: number): string {
  return fen === 0 ? formatFen(0) : formatFen(-Math.abs(fen));
}

/**
 * Fen as the customer's bank statement shows them: ¥1,234.56. Integer arithmetic only, so a
 * refund shown to staff is to the fen what the provider pays (no 0.1 + 0.2 surprises).
 */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

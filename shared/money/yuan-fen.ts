/**
 * What staff type in a ¥ field, as fen: "10", "10.5", "10.50", "¥1,000" → 1000, 1050, 1050,
 * 100000. Digits are read as text, never through floating point, so ¥0.29 is 29 fen and not
 * 28.999…; more than two decimals, a sign or anything else is not an amount (null). Shared:
 * the settings form reads staff's typing with it and the server reads the catalog CSV's prices.
 */
export function yuanToFen(text: string): number | null {
  const cleaned = text.trim().replace(/^[¥￥]\s*/, '').replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as the field shows them: "10.00" (no ¥: the field's label says the currency). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

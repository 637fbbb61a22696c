/**
 * How long something has waited or has left, in the largest whole unit: "3 d", "5 h", "40 min"
 * through Intl's own unit words. Positive for "open for" / "due in", the caller says which.
 */
export function ageText(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const unit = (value: number, name: 'minute' | 'hour' | 'day') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  if (abs < 3_600_000) return unit(Math.max(1, Math.floor(abs / 60_000)), 'minute');
  if (abs < 86_400_000) return unit(Math.floor(abs / 3_600_000), 'hour');
  return unit(Math.floor(abs / 86_400_000), 'day');
}

import { isValidTrackingNo, normalizeTrackingNo } from '../../../shared/tracking/tracking-number';

const EMBEDDED_NUMBER = /DS\d{11}/g;

/**
 * The tracking number in what a scanner read: the bare barcode (`DS00000012340`), or a QR
 * code holding a tracking link or a label's text. Only a number with a valid check digit
 * counts, so a misread never opens the wrong stop.
 */
export function trackingNoFromScan(raw: string): string | null {
  const whole = normalizeTrackingNo(raw);
  if (isValidTrackingNo(whole)) return whole;
  for (const match of raw.toUpperCase().matchAll(EMBEDDED_NUMBER)) {
    if (isValidTrackingNo(match[0])) return match[0];
  }
  return null;
}

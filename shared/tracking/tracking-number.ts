/**
 * Doorstep tracking numbers: the prefix `DS`, ten digits of serial and one Luhn check
 * digit (`DS00000012340`). The check digit lets every layer refuse a mistyped number
 * before it costs a database read, and catches every single-digit typo and most swaps.
 */
export const TRACKING_PREFIX = 'DS';
const SERIAL_DIGITS = 10;
const PATTERN = new RegExp(`^${TRACKING_PREFIX}\\d{${SERIAL_DIGITS + 1}}$`);

export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Double every second digit counting from the right of the payload (the check digit's neighbour).
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Upper-cases and drops the spaces and dashes people type or scanners add. */
export function normalizeTrackingNo(input: string): string {
  return input.trim().replace(/[\s-]+/g, '').toUpperCase();
}

export function isValidTrackingNo(value: string): boolean {
  if (!PATTERN.test(value)) return false;
  const payload = value.slice(TRACKING_PREFIX.length, -1);
  return luhnCheckDigit(payload) === Number(value.at(-1));
}

export function makeTrackingNo(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= 10 ** SERIAL_DIGITS) {
    throw new RangeError(`tracking serial out of range: ${serial}`);
  }
  const payload = String(serial).padStart(SERIAL_DIGITS, '0');
  return `${TRACKING_PREFIX}${payload}${luhnCheckDigit(payload)}`;
}

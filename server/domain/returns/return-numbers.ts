import { randomInt } from 'node:crypto';

// No 0/O or 1/I: the drop-off code is read aloud and typed at a counter.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function randomCode(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** `RT` + 12 digits: unguessable enough that knowing one return says nothing of another. */
export const newReturnNo = () => `RT${randomCode(12, '0123456789')}`;

/** Shown to the drop-off point as a QR code and as text. */
export const newDropoffCode = () => randomCode(8, CODE_ALPHABET);

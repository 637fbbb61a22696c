/**
 * Masks personal data for the verified view: enough for the customer to recognise their own
 * parcel on a shared screen, not enough for a shoulder-surfer to use.
 */

/** 张伟 → 张*, 欧阳娜娜 → 欧***, Li Wei → L*****. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678; anything shorter keeps only its last two digits. */
export function maskPhone(phone: string): string {
  // +86 is the mainland's country code, not part of the subscriber number.
  const digits = phone.replace(/\D/g, '').replace(/^86(?=\d{11}$)/, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/**
 * 建国路88号院3号楼1单元502 → 建国路****: the road stays (it is city-level knowledge),
 * house, building and flat numbers go.
 */
export function maskStreet(street: string): string {
  const chars = [...street.trim()];
  const firstDigit = chars.findIndex((ch) => /\d/.test(ch));
  const keep = firstDigit > 0 ? Math.min(firstDigit, 8) : Math.min(3, chars.length);
  return `${chars.slice(0, keep).join('')}****`;
}

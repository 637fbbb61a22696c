/**
 * The cache a verified customer's page keeps the proof of delivery's pictures in, and the
 * service worker answers them from when offline (one name for both sides).
 */
export const PROOF_PICTURES_CACHE = 'doorstep-verified-proof';

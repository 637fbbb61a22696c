/**
 * Phone-number rules shared by the verify form and the server. Kept free of zod so the
 * customer's first page can import it without paying for a schema library.
 */
export const PHONE_LAST4_PATTERN = /^\d{4}$/;

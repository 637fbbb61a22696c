import type { LocationQuery } from 'vue-router';

/**
 * Reading a list's filters back from the address bar, where anyone may have typed anything:
 * each reader answers a valid value or the empty default, never something to send as is.
 */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The first value of a query key, as text ('' when absent). */
export function queryText(value: LocationQuery[string] | undefined): string {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === 'string' ? one : '';
}

/** A YYYY-MM-DD day, or ''. */
export const queryDay = (value: LocationQuery[string] | undefined): string => (DAY.test(queryText(value)) ? queryText(value) : '');

/** A 1-based page number, 1 when absent or nonsense. */
export function queryPage(value: LocationQuery[string] | undefined): number {
  const page = Number(queryText(value));
  return Number.isSafeInteger(page) && page >= 1 ? page : 1;
}

/** One of `allowed`, or ''. */
export function queryChoice<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T | '' {
  const text = queryText(value);
  return allowed.includes(text as T) ? (text as T) : '';
}

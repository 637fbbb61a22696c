import { hash } from 'node:crypto';
import type { CourierReport } from '../../../shared/courier/courier-report';

/**
 * A fingerprint of what a report says, independent of key order, so a resend of the same
 * report matches and the same id with a changed body is caught.
 */
export function reportBodyHash(report: CourierReport): string {
  const canonical = JSON.stringify(sortedKeys(report));
  // The one-shot digest: a Hash object per report cost as much as the rest of its judgement.
  return hash('sha256', canonical, 'hex');
}

/** Sorted by hand, nested objects too (a drop's pickup point): a replacer array would send JSON.stringify down its slow path. */
function sortedKeys(value: object): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    sorted[key] = field !== null && typeof field === 'object' && !Array.isArray(field) ? sortedKeys(field) : field;
  }
  return sorted;
}

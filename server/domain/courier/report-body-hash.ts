import { createHash } from 'node:crypto';
import type { CourierReport } from '../../../shared/courier/courier-report';

/**
 * A fingerprint of what a report says, independent of key order, so a resend of the same
 * report matches and the same id with a changed body is caught.
 */
export function reportBodyHash(report: CourierReport): string {
  // Sorted by hand: a replacer array would send JSON.stringify down its slow path.
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(report).sort()) sorted[key] = report[key as keyof CourierReport];
  const canonical = JSON.stringify(sorted);
  return createHash('sha256').update(canonical).digest('hex');
}

import { createHash } from 'node:crypto';
import type { CourierReport } from '../../../shared/courier/courier-report';

/**
 * A fingerprint of what a report says, independent of key order, so a resend of the same
 * report matches and the same id with a changed body is caught.
 */
export function reportBodyHash(report: CourierReport): string {
  const canonical = JSON.stringify(report, Object.keys(report).sort());
  return createHash('sha256').update(canonical).digest('hex');
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Fitness test for the data layer (architecture.md, "services (rules), repositories (Kysely
// queries + the one row → object mapper of each table)"): these services were moved onto
// repositories and must stay there. Add a service once its queries have moved.
const root = resolve(__dirname, '../..');
const SERVICES = [
  'server/domain/auth/auth-service.ts',
  'server/domain/tracking/verification-service.ts',
  'server/domain/tracking/tracking-service.ts',
  'server/domain/uploads/upload-service.ts',
  'server/domain/uploads/upload-reading.ts',
  'server/domain/returns/return-service.ts',
  'server/domain/returns/return-ops-service.ts',
  'server/domain/returns/return-shipments.ts',
  'server/domain/returns/pickup-progress.ts',
  'server/domain/claims/claim-service.ts',
  'server/domain/claims/claim-decision.ts',
  'server/domain/refunds/refund-service.ts',
  'server/domain/courier/sync-service.ts',
  'server/domain/carriers/carrier-event-service.ts',
  'server/domain/feedback/feedback-service.ts',
  'server/domain/feedback/follow-up-service.ts',
  'server/domain/feedback/shipment-facts.ts',
  'server/domain/ops-desk/stop-reassignment.ts',
  'server/domain/ops-desk/reassign-candidates.ts',
  'server/domain/courier/courier-route.ts',
  'server/domain/ops-desk/exception-action-service.ts',
  'server/domain/settings/settings-desk.ts',
  'server/domain/api-keys/api-key-service.ts',
  'server/domain/orders/order-intake.ts',
  'server/domain/tracking/phone-digits-proof.ts',
  'server/domain/orders/customer-order-service.ts',
  'server/domain/notifications/notification-outbox.ts',
  'server/domain/notifications/notification-sender.ts',
  'server/domain/notifications/simulated-sms-provider.ts',
];
const RAW_QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`|\bsql</;

describe('services moved onto repositories', () => {
  it.each(SERVICES)('%s holds no query of its own', (file) => {
    const lines = readFileSync(resolve(root, file), 'utf8').split('\n');
    const queries = lines.flatMap((line, i) => (RAW_QUERY.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(queries).toEqual([]);
  });
});

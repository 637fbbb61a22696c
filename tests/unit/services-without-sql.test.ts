import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Fitness test for the data layer (architecture.md, "services (rules), repositories (Kysely
// queries + the one row → object mapper of each table)"): these services were moved onto
// repositories and must stay there. Other engineers add their services to this list as they move them.
const root = resolve(__dirname, '../..');
const services = [
  'server/domain/auth/auth-service.ts',
  'server/domain/tracking/verification-service.ts',
  'server/domain/uploads/upload-service.ts',
  'server/domain/uploads/upload-reading.ts',
  'server/domain/returns/return-shipments.ts',
  'server/domain/returns/pickup-progress.ts',
];
const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`|\bsql</;

describe('services moved onto repositories', () => {
  it.each(services)('%s holds no query of its own', (file) => {
    const lines = readFileSync(resolve(root, file), 'utf8').split('\n');
    const queries = lines.flatMap((line, i) => (query.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(queries).toEqual([]);
  });
});

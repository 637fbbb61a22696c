import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema';
import { hashPassword } from '../../server/domain/auth/password';

// One scrypt hash per test run: at N=2^17 each costs a few hundred ms.
let sharedHash: Promise<string> | null = null;
export const TEST_PASSWORD = 'correct horse 42';
const passwordHash = () => (sharedHash ??= hashPassword(TEST_PASSWORD));

let serial = 0;

export async function createCourier(db: Kysely<Database>, overrides: { name?: string; phone?: string; city?: string } = {}) {
  const phone = overrides.phone ?? `1770000${String(++serial).padStart(4, '0')}`;
  const row = await db
    .insertInto('couriers')
    .values({ name: overrides.name ?? '李师傅', phone, password_hash: await passwordHash(), city: overrides.city ?? '深圳市', active: 1, created_at: Date.UTC(2026, 0, 1) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, phone, password: TEST_PASSWORD };
}

export async function createStaff(db: Kysely<Database>, email = `ops${++serial}@doorstep.test`) {
  const row = await db
    .insertInto('staff')
    .values({ name: '运营 周', email, password_hash: await passwordHash(), role: 'ops', created_at: Date.UTC(2026, 0, 1) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, password: TEST_PASSWORD };
}

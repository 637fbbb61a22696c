import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { hashPassword } from '../domain/auth/password';
import { DEMO_COURIERS, DEMO_STAFF } from './demo-accounts';
import { addCourierAreas, setCourierDepot } from '../domain/areas/courier-area-repository';
import { DAY } from './demo-clock';
import { demoDepot } from './demo-geo';
import { demoCity } from './demo-places';

/**
 * Puts the demo couriers and staff in (leaving any that are already there, matched by phone
 * or email), gives each courier their city's districts and its station as the start of their
 * round, and returns the couriers' database ids in DEMO_COURIERS order.
 */
export async function ensureDemoAccounts(db: Kysely<Database>, now: number): Promise<number[]> {
  // scrypt at N=2^17 costs a few hundred ms a go: hash each distinct password once.
  const distinct = [...new Set([...DEMO_COURIERS, ...DEMO_STAFF].map((account) => account.password))];
  const hashes = new Map(await Promise.all(distinct.map(async (p) => [p, await hashPassword(p)] as const)));
  const hashOf = (password: string): string => hashes.get(password)!;
  // Accounts predate the parcels: they were set up a year before the demo's clock.
  const createdAt = now - 365 * DAY;

  await db
    .insertInto('couriers')
    .values(
      DEMO_COURIERS.map((c) => ({
        name: c.name,
        phone: c.phone,
        password_hash: hashOf(c.password),
        city: c.city,
        active: 1,
        created_at: createdAt,
      })),
    )
    .onConflict((oc) => oc.column('phone').doNothing())
    .execute();
  await db
    .insertInto('staff')
    .values(
      DEMO_STAFF.map((s) => ({
        name: s.name,
        email: s.email,
        password_hash: hashOf(s.password),
        role: s.role,
        created_at: createdAt,
      })),
    )
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();

  const rows = await db
    .selectFrom('couriers')
    .select(['id', 'phone'])
    .where('phone', 'in', DEMO_COURIERS.map((c) => c.phone))
    .execute();
  const idByPhone = new Map(rows.map((row) => [row.phone, row.id]));
  const ids = DEMO_COURIERS.map((c) => {
    const id = idByPhone.get(c.phone);
    if (id === undefined) throw new Error(`demo courier ${c.phone} is missing after insert`);
    return id;
  });
  for (const [i, courier] of DEMO_COURIERS.entries()) {
    const city = demoCity(courier.city);
    await addCourierAreas(db, ids[i]!, (courier.districts ?? city.districts).map((district) => ({ city: city.city, district })));
    await setCourierDepot(db, ids[i]!, demoDepot(city));
  }
  return ids;
}

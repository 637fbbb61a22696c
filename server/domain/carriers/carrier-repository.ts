import type { Kysely, Selectable } from 'kysely';
import type { CarrierTable, Database } from '../../db/schema';

/** A third-party carrier connection. The secrets stay on the server: see `carrierView`. */
export interface Carrier {
  id: number;
  code: string;
  name: string;
  secret: string;
  kuaidi100Salt: string | null;
  active: boolean;
  createdAt: number;
}

function toCarrier(row: Selectable<CarrierTable>): Carrier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    secret: row.secret,
    kuaidi100Salt: row.kuaidi100_salt,
    active: row.active === 1,
    createdAt: Number(row.created_at),
  };
}

/** What staff and the warehouse face may see of a carrier: never its secrets. */
export function carrierView(carrier: Carrier): { code: string; name: string; active: boolean; kuaidi100: boolean; createdAt: number } {
  return { code: carrier.code, name: carrier.name, active: carrier.active, kuaidi100: carrier.kuaidi100Salt !== null, createdAt: carrier.createdAt };
}

/** Adds a carrier; false when the code is taken (nothing written). */
export async function insertCarrier(
  db: Kysely<Database>,
  carrier: { code: string; name: string; secret: string; kuaidi100Salt: string | null },
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('carriers')
    .values({ code: carrier.code, name: carrier.name, secret: carrier.secret, kuaidi100_salt: carrier.kuaidi100Salt, created_at: now })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findCarrierByCode(db: Kysely<Database>, code: string): Promise<Carrier | null> {
  const row = await db.selectFrom('carriers').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toCarrier(row) : null;
}

/** Every carrier, active first, by code. */
export async function listCarriers(db: Kysely<Database>): Promise<Carrier[]> {
  const rows = await db.selectFrom('carriers').selectAll().orderBy('active', 'desc').orderBy('code').execute();
  return rows.map(toCarrier);
}

/** Stops (or resumes) taking a carrier's pushes; false when there is no such carrier. */
export async function setCarrierActive(db: Kysely<Database>, code: string, active: boolean): Promise<boolean> {
  const result = await db.updateTable('carriers').set({ active: active ? 1 : 0 }).where('code', '=', code).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

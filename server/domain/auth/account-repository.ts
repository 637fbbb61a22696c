import type { Kysely, Selectable } from 'kysely';
import type { CourierTable, Database, StaffTable } from '../../db/schema';

/** A courier's account: who signs in by phone and is given stops. */
export interface Courier {
  id: number;
  name: string;
  phone: string;
  passwordHash: string;
  city: string;
  /** A courier who left keeps their history but may no longer sign in or be given stops. */
  active: boolean;
  createdAt: number;
}

/** An ops staff member's account: signs in by email. */
export interface Staff {
  id: number;
  name: string;
  email: string;
  passwordHash: string;
  role: string;
  createdAt: number;
  /** The warehouse a `warehouse` worker works in; null for ops staff. */
  warehouseId: number | null;
}

export function toCourier(row: Selectable<CourierTable>): Courier {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    passwordHash: row.password_hash,
    city: row.city,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

export function toStaff(row: Selectable<StaffTable>): Staff {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role,
    createdAt: row.created_at,
    warehouseId: row.warehouse_id,
  };
}

/** The courier with this phone (unique), active or not. */
export async function findCourierByPhone(db: Kysely<Database>, phone: string): Promise<Courier | null> {
  const row = await db.selectFrom('couriers').selectAll().where('phone', '=', phone).executeTakeFirst();
  return row ? toCourier(row) : null;
}

export async function findCourierById(db: Kysely<Database>, id: number): Promise<Courier | null> {
  const row = await db.selectFrom('couriers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCourier(row) : null;
}

/** Couriers who may be given stops, oldest account first. */
export async function listActiveCouriers(db: Kysely<Database>): Promise<Courier[]> {
  const rows = await db.selectFrom('couriers').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map(toCourier);
}

/** The staff member with this email (unique). */
export async function findStaffByEmail(db: Kysely<Database>, email: string): Promise<Staff | null> {
  const row = await db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst();
  return row ? toStaff(row) : null;
}

export async function findStaffById(db: Kysely<Database>, id: number): Promise<Staff | null> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStaff(row) : null;
}

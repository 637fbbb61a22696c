import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CourierReportTable, Database } from '../../db/schema';

export type StoredReport = Selectable<CourierReportTable>;

export async function findStoredReport(db: Kysely<Database>, id: string): Promise<StoredReport | undefined> {
  return db.selectFrom('courier_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStoredReport(db: Kysely<Database>, row: Insertable<CourierReportTable>): Promise<void> {
  await db.insertInto('courier_reports').values(row).execute();
}

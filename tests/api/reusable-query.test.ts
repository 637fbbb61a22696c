import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type DatabaseHandle } from '../../server/db/create-db';
import { heldSqliteConnection, transactionOnHeldConnection } from '../../server/db/held-sqlite-connection';
import { migrateToLatest } from '../../server/db/migrate';
import { reusableInsert, reusableQuery } from '../../server/db/reusable-query';
import type { Database } from '../../server/db/schema';
import { freePort } from '../support/free-port';
import { startPostgres } from '../support/postgres-server';
import { createTestDb } from '../support/test-db';

// Compiled statements on both engines. In a transaction on the held SQLite connection they run
// on that connection directly: these tests prove they are the transaction's (seen by it,
// undone with it), and that nothing is ever slipped into another one: not a statement from
// outside, not one arriving on the transaction after its work has settled.
const insertSetting = reusableQuery<unknown, [string, string]>(2, (db, p) =>
  db.insertInto('settings').values({ key: p[0]!, value: p[1]!, updated_at: 1, updated_by: null }),
);
const readSetting = reusableQuery<{ value: string }, [string]>(1, (db, p) => db.selectFrom('settings').select('value').where('key', '=', p[0]!));
const updateGuarded = reusableQuery<unknown, [string, string, string]>(3, (db, p) =>
  db.updateTable('settings').set({ value: p[0]! }).where('key', '=', p[1]!).where('value', '=', p[2]!),
);
const insertSettings = reusableInsert('settings', ['key', 'value', 'updated_at', 'updated_by'], { skipDuplicatesOf: 'key' });

const valueOf = async (db: Kysely<Database>, key: string) => (await readSetting(db, key)).rows[0]?.value ?? null;
const row = (key: string, value: string) => ({ key, value, updated_at: 1, updated_by: null });

function behavesTheSame(engine: string, lendsItsConnection: boolean, open: () => Promise<{ db: Kysely<Database>; close(): Promise<void> }>) {
  describe(`reusable queries on ${engine}`, () => {
    let db: Kysely<Database>;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await open());
    }, 60_000);
    afterAll(() => close?.());
    beforeEach(async () => {
      await db.deleteFrom('settings').where('key', 'like', 't.%').execute();
    });

    it(`lends its connection ${lendsItsConnection ? 'only while a held-connection transaction works' : 'never'}`, async () => {
      expect(heldSqliteConnection(db)).toBeNull();
      await db.connection().execute(async (conn) => expect(heldSqliteConnection(conn)).toBeNull());
      await db.transaction().execute(async (trx) => expect(heldSqliteConnection(trx)).toBeNull());
      let kept: Kysely<Database> | undefined;
      await transactionOnHeldConnection(db, async (trx) => {
        kept = trx;
        expect(heldSqliteConnection(trx) !== null).toBe(lendsItsConnection);
      });
      expect(heldSqliteConnection(kept!)).toBeNull();
    });

    it('writes inside a transaction are seen by it, kept by its commit and undone by its rollback', async () => {
      await transactionOnHeldConnection(db, async (trx) => {
        await insertSetting(trx, 't.kept', 'a');
        expect(await valueOf(trx, 't.kept')).toBe('a');
      });
      await expect(
        transactionOnHeldConnection(db, async (trx) => {
          await insertSetting(trx, 't.undone', 'b');
          expect(await valueOf(trx, 't.undone')).toBe('b');
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await valueOf(db, 't.kept')).toBe('a');
      expect(await valueOf(db, 't.undone')).toBeNull();
    });

    it('a statement outside the transaction is not made part of it while it is open', async () => {
      let outside: Promise<unknown> | undefined;
      await expect(
        transactionOnHeldConnection(db, async (trx) => {
          await insertSetting(trx, 't.inside', 'x');
          outside = insertSetting(db, 't.outside', 'y');
          // Let the outside statement run if it could (on SQLite it waits for the connection).
          await new Promise((resolve) => setImmediate(resolve));
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await outside;
      expect(await valueOf(db, 't.inside')).toBeNull();
      expect(await valueOf(db, 't.outside')).toBe('y');
    });

    it('a transaction kept after its commit writes nothing', async () => {
      let kept: Kysely<Database> | undefined;
      await transactionOnHeldConnection(db, async (trx) => {
        kept = trx;
        await insertSetting(trx, 't.during', 'x');
      });
      await expect(insertSetting(kept!, 't.after', 'y')).rejects.toThrow();
      expect(await valueOf(db, 't.during')).toBe('x');
      expect(await valueOf(db, 't.after')).toBeNull();
    });

    it('a statement left over from a failed transaction does not land in the next one', async () => {
      let releaseLeftover!: () => void;
      const leftoverMayRun = new Promise<void>((resolve) => (releaseLeftover = resolve));
      let leftover: Promise<unknown> | undefined;
      const first = transactionOnHeldConnection(db, async (trx) => {
        leftover = (async () => {
          await leftoverMayRun;
          await insertSetting(trx, 't.leftover', 'stale');
        })();
        await Promise.all([leftover, Promise.reject(new Error('one branch failed'))]);
      });
      await expect(first).rejects.toThrow('one branch failed');
      await transactionOnHeldConnection(db, async (trx) => {
        await insertSetting(trx, 't.next', 'n');
        releaseLeftover();
        await expect(leftover).rejects.toThrow();
        expect(await valueOf(trx, 't.leftover')).toBeNull();
      });
      expect(await valueOf(db, 't.next')).toBe('n');
      expect(await valueOf(db, 't.leftover')).toBeNull();
    });

    it('forEach runs once per argument list in order and counts the rows changed', async () => {
      await insertSettings(db, [row('t.a', '1'), row('t.b', '1')]);
      const changed = await transactionOnHeldConnection(db, (trx) =>
        updateGuarded.forEach(trx, [
          ['2', 't.a', '1'],
          ['3', 't.a', '2'], // sees the row the first list changed
          ['9', 't.b', 'stale'], // guarded: changes nothing
          ['9', 't.missing', '1'],
        ]),
      );
      expect(changed).toBe(2);
      expect([await valueOf(db, 't.a'), await valueOf(db, 't.b')]).toEqual(['3', '1']);
      expect(await updateGuarded.forEach(db, [])).toBe(0);
      expect(await updateGuarded.forEach(db, [['4', 't.b', '1']])).toBe(1);
    });

    it('an insert that skips duplicates answers how many rows went in, in a transaction or not', async () => {
      await insertSettings(db, [row('t.first', 'old')]);
      const inside = await transactionOnHeldConnection(db, (trx) => insertSettings(trx, [row('t.first', 'new'), row('t.second', 's'), row('t.third', 't')]));
      expect(inside).toBe(2);
      expect(await insertSettings(db, [row('t.third', 'again'), row('t.fourth', 'f')])).toBe(1);
      expect(await insertSettings(db, [])).toBe(0);
      expect(await valueOf(db, 't.first')).toBe('old');
      expect(await valueOf(db, 't.fourth')).toBe('f');
    });
  });
}

behavesTheSame('SQLite', true, async () => {
  const handle = await createTestDb();
  return { db: handle.db, close: handle.dispose };
});

behavesTheSame('PostgreSQL', false, async () => {
  const pg = startPostgres(await freePort());
  const handle: DatabaseHandle = createDb(pg.url);
  await migrateToLatest(handle.db);
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      pg.stop();
    },
  };
});

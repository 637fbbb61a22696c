import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import type { Database } from './schema';

/**
 * A query on a hot path, compiled once per SQL dialect and run again with new values. Kysely
 * otherwise rebuilds and recompiles the same SQL on every call, which costs several times what
 * SQLite takes to run a point read or a one-row write. Keyed by the dialect's adapter, so a
 * transaction reuses what the database compiled.
 *
 * `build` receives one placeholder per argument and must use each as a plain value (never in
 * a raw SQL fragment); the placeholders are swapped for the arguments in the compiled query.
 */
export function reusableQuery<Row, Args extends readonly unknown[]>(
  arity: Args['length'],
  build: (db: Kysely<Database>, placeholders: never[]) => Compilable<Row>,
): (db: Kysely<Database>, ...args: Args) => Promise<QueryResult<Row>> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000arg${i}\u0000`);
  const index = new Map(placeholders.map((p, i) => [p, i]));
  const compiledByDialect = new WeakMap<DialectAdapter, { compiled: CompiledQuery<Row>; slots: number[] | null }>();
  return (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let entry = compiledByDialect.get(adapter);
    if (!entry) {
      const compiled = build(db, placeholders as never[]).compile();
      // Where each argument goes among the compiled parameters (-1: a constant of the query).
      const slots = compiled.parameters.map((p) => (typeof p === 'string' ? (index.get(p) ?? -1) : -1));
      // Every parameter an argument, in order (the usual case): the arguments go through as they are.
      const inOrder = slots.length === arity && slots.every((slot, i) => slot === i);
      entry = { compiled, slots: inOrder ? null : slots };
      compiledByDialect.set(adapter, entry);
    }
    const { compiled, slots } = entry;
    const parameters = slots ? slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot])) : args;
    return db.executeQuery<Row>({ ...compiled, parameters });
  };
}

/**
 * A multi-row INSERT of fixed columns, compiled once per dialect and row count, for batches
 * written on a hot path (a courier's synced reports).
 */
export function reusableInsert<T extends keyof Database & string>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  options: { skipDuplicatesOf?: keyof Database[T] & string } = {},
) {
  const byRowCount = new Map<number, (db: Kysely<Database>, ...args: unknown[]) => Promise<QueryResult<unknown>>>();
  /** Returns how many rows went in (fewer than given only when duplicates were skipped). */
  return async (db: Kysely<Database>, rows: readonly Record<string, unknown>[]): Promise<number> => {
    if (rows.length === 0) return 0;
    let insert = byRowCount.get(rows.length);
    if (!insert) {
      insert = reusableQuery<unknown, unknown[]>(rows.length * columns.length, (d, p) => {
        const query = d.insertInto(table).values(rows.map((_, r) => Object.fromEntries(columns.map((c, k) => [c, p[r * columns.length + k]]))) as never);
        const key = options.skipDuplicatesOf;
        return key ? query.onConflict((oc) => oc.column(key as never).doNothing()) : query;
      });
      byRowCount.set(rows.length, insert);
    }
    const result = await insert(db, ...rows.flatMap((row) => columns.map((c) => row[c] ?? null)));
    return Number(result.numAffectedRows ?? rows.length);
  };
}

/** Keys per read: well below both databases' bound-parameter limits. */
const KEYS_PER_READ = 500;

/**
 * A read of the rows whose key is among a list (`where key in (…)`), compiled once per
 * dialect and count of keys, for batches read on a hot path (a courier's synced reports and
 * their parcels). `build` gets one placeholder per key. Keys are deduplicated; more than
 * KEYS_PER_READ are read in turns.
 */
export function reusableReadByKeys<Row, Key = string>(build: (db: Kysely<Database>, keys: never[]) => Compilable<Row>) {
  const byCount = new Map<number, (db: Kysely<Database>, ...keys: Key[]) => Promise<QueryResult<Row>>>();
  return async (db: Kysely<Database>, keys: readonly Key[]): Promise<Row[]> => {
    const unique = [...new Set(keys)];
    const rows: Row[] = [];
    for (let i = 0; i < unique.length; i += KEYS_PER_READ) {
      const chunk = unique.slice(i, i + KEYS_PER_READ);
      let read = byCount.get(chunk.length);
      if (!read) byCount.set(chunk.length, (read = reusableQuery<Row, Key[]>(chunk.length, build)));
      for (const row of (await read(db, ...chunk)).rows) rows.push(row);
    }
    return rows;
  };
}

import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from 'kysely';
import { heldSqliteConnection, runOnSqlite } from './held-sqlite-connection';
import type { Database } from './schema';

/** A reusable query: run once, or once per argument list in order (see `forEach`). */
export interface ReusableQuery<Row, Args extends readonly unknown[]> {
  (db: Kysely<Database>, ...args: Args): Promise<QueryResult<Row>>;
  /**
   * Runs the statement once per argument list, in order, and returns the rows it changed in
   * all. On a transaction's held SQLite connection the whole list runs in one synchronous go.
   */
  forEach(db: Kysely<Database>, argLists: readonly Args[]): Promise<number>;
}

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
): ReusableQuery<Row, Args> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000arg${i}\u0000`);
  const index = new Map(placeholders.map((p, i) => [p, i]));
  const compiledByDialect = new WeakMap<DialectAdapter, { compiled: CompiledQuery<Row>; slots: number[] | null }>();
  const compiledFor = (db: Kysely<Database>) => {
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
    return entry;
  };
  const parametersOf = ({ compiled, slots }: { compiled: CompiledQuery<Row>; slots: number[] | null }, args: readonly unknown[]) =>
    slots ? slots.map((slot, i) => (slot === -1 ? compiled.parameters[i] : args[slot])) : args;

  // Async so that every failure (a statement's, or Kysely refusing a finished transaction)
  // rejects rather than throws; on the held connection the statement still runs at once.
  const run = async (db: Kysely<Database>, ...args: Args): Promise<QueryResult<Row>> => {
    const entry = compiledFor(db);
    const parameters = parametersOf(entry, args);
    const held = heldSqliteConnection(db);
    if (held) return runOnSqlite<Row>(held, entry.compiled.sql, parameters);
    return db.executeQuery<Row>({ ...entry.compiled, parameters });
  };
  run.forEach = async (db: Kysely<Database>, argLists: readonly Args[]): Promise<number> => {
    if (argLists.length === 0) return 0;
    const entry = compiledFor(db);
    let changed = 0;
    const held = heldSqliteConnection(db);
    if (held) {
      const statement = held.prepare(entry.compiled.sql);
      for (const args of argLists) changed += Number(statement.run(parametersOf(entry, args)).changes);
      return changed;
    }
    for (const args of argLists) {
      changed += Number((await db.executeQuery<Row>({ ...entry.compiled, parameters: parametersOf(entry, args) })).numAffectedRows ?? 0);
    }
    return changed;
  };
  return run;
}

/**
 * An INSERT of fixed columns for batches written on a hot path (a courier's synced reports):
 * on a transaction's held SQLite connection one prepared one-row statement per row, run
 * synchronously (the cheapest per row there); elsewhere one multi-row statement per call,
 * compiled once per dialect and row count (one round trip to PostgreSQL instead of one per row).
 */
export function reusableInsert<T extends keyof Database & string>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  options: { skipDuplicatesOf?: keyof Database[T] & string } = {},
) {
  const insertOf = (rowCount: number) =>
    reusableQuery<unknown, unknown[]>(rowCount * columns.length, (d, p) => {
      const query = d.insertInto(table).values(Array.from({ length: rowCount }, (_, r) => Object.fromEntries(columns.map((c, k) => [c, p[r * columns.length + k]]))) as never);
      const key = options.skipDuplicatesOf;
      return key ? query.onConflict((oc) => oc.column(key as never).doNothing()) : query;
    });
  const oneRow = insertOf(1);
  const byRowCount = new Map<number, ReusableQuery<unknown, unknown[]>>();
  const valuesOf = (row: Record<string, unknown>) => columns.map((c) => row[c] ?? null);
  /** Returns how many rows went in (fewer than given only when duplicates were skipped). */
  return async (db: Kysely<Database>, rows: readonly Record<string, unknown>[]): Promise<number> => {
    if (rows.length === 0) return 0;
    if (heldSqliteConnection(db)) return oneRow.forEach(db, rows.map(valuesOf));
    let insert = byRowCount.get(rows.length);
    if (!insert) byRowCount.set(rows.length, (insert = insertOf(rows.length)));
    const result = await insert(db, ...rows.flatMap(valuesOf));
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

// Plain SQL for the projection tables' hot statements, bound by position, bypassing TypeORM's query
// builder (which dominated a rebuild's profile). Identifiers are validated by `validateProjections`
// (lower snake case), so double-quoting them is safe on both dialects.
import type { EntityManager } from 'typeorm';
import type { SqlDialect } from './projection-schema.js';

/** Runs statements inside the batch's transaction. */
export interface SqlRunner {
  /** Placeholder of the `index`-th (0-based) parameter. */
  param(index: number): string;
  /** Most rows one multi-row INSERT may carry. */
  readonly rowsPerStatement: number;
  all(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

interface SqliteStatement {
  readonly reader: boolean;
  all(...params: unknown[]): Record<string, unknown>[];
  run(...params: unknown[]): { changes: number };
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

// Prepared statements per connection; their SQL is built from table definitions, so the set is bounded.
const statements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

function prepared(db: SqliteDatabase, sql: string): SqliteStatement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function sqlRunner(manager: EntityManager, dialect: SqlDialect): SqlRunner {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) throw new Error('projection writes need the batch transaction (no query runner)');
  if (dialect === 'sqlite') {
    // The single connection TypeORM began the transaction on: statements run on it are part of it.
    const db = (manager.connection.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
    if (!db) throw new Error('projection writes: SQLite connection not open');
    // better-sqlite3 binds no booleans (TypeORM turns them into 0/1 the same way).
    const bindable = (params: readonly unknown[]): unknown[] =>
      params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    return {
      param: () => '?',
      // Well under SQLite's 32,766 bound parameters. A guess, not tuned: the rebuild bench showed no clear gain over one row a statement.
      rowsPerStatement: 64,
      all: async (sql, params) => prepared(db, sql).all(...bindable(params)),
      run: async (sql, params) => prepared(db, sql).run(...bindable(params)).changes,
    };
  }
  return {
    param: (index) => `$${index + 1}`,
    // Well under PostgreSQL's 65,535 bound parameters for any table of a few dozen columns.
    rowsPerStatement: 512,
    all: async (sql, params) => {
      const result = (await queryRunner.query(sql, [...params], true)) as { records: Record<string, unknown>[] };
      return result.records;
    },
    run: async (sql, params) => {
      const result = (await queryRunner.query(sql, [...params], true)) as { affected?: number };
      return result.affected ?? 0;
    },
  };
}

export const quote = (identifier: string): string => `"${identifier}"`;

/** `"a" = ? AND "b" IS NULL`, with the bound values in order. */
export function whereClause(
  runner: SqlRunner,
  where: Record<string, unknown>,
  firstParam: number,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const terms = Object.entries(where).map(([column, value]) => {
    if (value === null) return `${quote(column)} IS NULL`;
    params.push(value);
    return `${quote(column)} = ${runner.param(firstParam + params.length - 1)}`;
  });
  return { sql: terms.length === 0 ? '' : ` WHERE ${terms.join(' AND ')}`, params };
}

/**
 * INSERT of `rows` (each with exactly `columns`, in that order); with `conflict`, an upsert on the
 * primary key that overwrites `conflict.set` (or does nothing when it is empty).
 */
export function insertSql(
  runner: SqlRunner,
  table: string,
  columns: readonly string[],
  rowCount: number,
  conflict?: { readonly key: readonly string[]; readonly set: readonly string[] },
): string {
  const tuples: string[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    tuples.push(`(${columns.map((_, c) => runner.param(r * columns.length + c)).join(', ')})`);
  }
  let sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`;
  if (conflict) {
    const target = conflict.key.map(quote).join(', ');
    sql +=
      conflict.set.length === 0
        ? ` ON CONFLICT (${target}) DO NOTHING`
        : ` ON CONFLICT (${target}) DO UPDATE SET ${conflict.set.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
  }
  return sql;
}

import type { EntityManager } from 'typeorm';
import type { Projection, ProjectionTable, ProjectionTx, Row } from './projection.js';
import { columnSpec, decodeRow, encodeRow, physicalTableName, type SqlDialect } from './projection-schema.js';
import { insertSql, quote, sqlRunner, whereClause, type SqlRunner } from './projection-sql.js';
import { RowCache, TableCache, type CacheEntry, type CachedRow } from './table-cache.js';

/**
 * Thrown when a projection reaches for `tx.manager` (or `tx.table()`) while the write-behind cache holds
 * rows not yet written: its own SQL would not see them. The worker runs the batch again without the cache.
 */
export class WriteCacheBypassed extends Error {
  override readonly name = 'WriteCacheBypassed';
}

export interface TableWriterOptions {
  /**
   * Write-behind row cache: reads and writes by full primary key are answered in memory and written
   * once, at `flush()`. Anything it cannot answer exactly writes out the table's rows first. The caller
   * may keep it for the next batch, and must clear it when the transaction fails. Absent: write through.
   */
  readonly cache?: RowCache;
}

/** A table by its declaration or its logical name. */
type TableName = ProjectionTable | string;

const nameOf = (named: TableName): string => (typeof named === 'string' ? named : named.name);

/** `ProjectionTx` over one TypeORM transaction, writing the tables of one version of a projection. */
export class TableWriter implements ProjectionTx {
  private readonly tables: ReadonlyMap<string, ProjectionTable>;
  private readonly sql: SqlRunner;
  /** The write-behind cache; undefined when writing through (none given, or the projection left it). */
  private caches: RowCache | undefined;

  constructor(
    private readonly entityManager: EntityManager,
    private readonly dialect: SqlDialect,
    projection: Projection,
    private readonly version: number,
    options: TableWriterOptions = {},
  ) {
    this.tables = new Map(projection.tables.map((table) => [table.name, table]));
    this.sql = sqlRunner(entityManager, dialect);
    this.caches = options.cache;
  }

  /** The projection is about to run its own SQL: from here on, every call goes straight to the database. */
  get manager(): EntityManager {
    this.leaveCache();
    return this.entityManager;
  }

  table(logical: string): string {
    this.leaveCache();
    return this.physical(logical);
  }

  async insert(named: TableName, row: Row): Promise<void> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const cache = this.cacheFor(definition, row);
    if (cache && cache.insert(cache.keyOf(row)!, encodeRow(this.dialect, definition, row))) return;
    // Known to exist (the database raises the duplicate), or not cacheable.
    await this.flush(table);
    await this.insertNow(definition, encodeRow(this.dialect, definition, row));
    this.caches?.existing(table)?.clear();
  }

  async upsert(named: TableName, row: Row): Promise<void> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const cache = this.cacheFor(definition, row);
    if (cache) {
      const encoded = encodeRow(this.dialect, definition, row);
      // Naming every column, the row is the same whatever the database holds: no need to read it.
      if (cache.namesEveryColumn(encoded)) cache.overwrite(cache.keyOf(row)!, encoded);
      else cache.upsert(await this.load(definition, cache, row), encoded);
      return;
    }
    await this.flush(table);
    const encoded = encodeRow(this.dialect, definition, row);
    const columns = Object.keys(encoded);
    const set = columns.filter((column) => !definition.primaryKey.includes(column));
    const sql = insertSql(this.sql, this.physical(table), columns, 1, { key: definition.primaryKey, set });
    await this.sql.run(sql, Object.values(encoded));
    this.caches?.existing(table)?.clear();
  }

  async increment(named: TableName, key: Row, column: string, by = 1, init: Row = {}): Promise<void> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const cache = definition.primaryKey.includes(column) ? undefined : this.cacheFor(definition, key, true);
    if (cache) {
      const current = await this.load(definition, cache, key);
      cache.increment(current, column, Number(by), () =>
        encodeRow(this.dialect, definition, { ...init, ...key, [column]: by }),
      );
      return;
    }
    await this.flush(table);
    const encodedKey = encodeRow(this.dialect, definition, key);
    const where = whereClause(this.sql, encodedKey, 0);
    const sql = `UPDATE ${quote(this.physical(table))} SET ${quote(column)} = ${quote(column)} + ${Number(by)}${where.sql}`;
    const changed = await this.sql.run(sql, where.params);
    this.caches?.existing(table)?.clear();
    if (changed === 0)
      await this.insertNow(definition, encodeRow(this.dialect, definition, { ...init, ...key, [column]: by }));
  }

  async update(named: TableName, where: Row, set: Row): Promise<number> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const touchesKey = Object.keys(set).some((column) => definition.primaryKey.includes(column));
    const cache = touchesKey ? undefined : this.cacheFor(definition, where, true);
    if (cache) {
      const current = await this.load(definition, cache, where);
      return cache.update(current, encodeRow(this.dialect, definition, set));
    }
    await this.flush(table);
    const encodedSet = encodeRow(this.dialect, definition, set);
    const columns = Object.keys(encodedSet);
    if (columns.length === 0) return (await this.select(definition, where)).length;
    const assignments = columns.map((column, index) => `${quote(column)} = ${this.sql.param(index)}`).join(', ');
    const filter = whereClause(this.sql, encodeRow(this.dialect, definition, where), columns.length);
    const sql = `UPDATE ${quote(this.physical(table))} SET ${assignments}${filter.sql}`;
    const changed = await this.sql.run(sql, [...Object.values(encodedSet), ...filter.params]);
    this.caches?.existing(table)?.clear();
    return changed;
  }

  async delete(named: TableName, where: Row): Promise<number> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const cache = this.cacheFor(definition, where, true);
    if (cache) {
      const current = await this.load(definition, cache, where);
      const deleted = cache.delete(current);
      if (deleted !== undefined) return deleted;
    }
    await this.flush(table);
    const filter = whereClause(this.sql, encodeRow(this.dialect, definition, where), 0);
    const changed = await this.sql.run(`DELETE FROM ${quote(this.physical(table))}${filter.sql}`, filter.params);
    this.caches?.existing(table)?.clear();
    return changed;
  }

  async findOne(named: TableName, where: Row): Promise<Row | undefined> {
    const table = nameOf(named);
    const definition = this.definition(table);
    const cache = this.cacheFor(definition, where, true);
    if (cache) {
      const current = await this.load(definition, cache, where);
      return current.row ? decodeRow(definition, current.row) : undefined;
    }
    await this.flush(table);
    return (await this.select(definition, where, 1))[0];
  }

  async find(named: TableName, where: Row = {}): Promise<Row[]> {
    const table = nameOf(named);
    const definition = this.definition(table);
    await this.flush(table);
    return this.select(definition, where);
  }

  /** Writes what the cache holds, for one table or all; the worker calls it before the checkpoint. */
  async flush(table?: string): Promise<void> {
    if (!this.caches) return;
    const caches = table === undefined ? [...this.caches.all()] : [[table, this.caches.existing(table)] as const];
    for (const [logical, cache] of caches) {
      if (!cache) continue;
      const definition = this.definition(logical);
      const writes = cache.takeWrites();
      const columns = Object.keys(definition.columns);
      const set = columns.filter((column) => !definition.primaryKey.includes(column));
      const key = definition.primaryKey;
      await this.writeRows(definition, columns, writes.inserts);
      await this.writeRows(definition, columns, writes.upserts, { key, set });
      if (writes.deletes.length === 0) continue;
      const sql = this.memo(logical, 'delete', 1, () => {
        const keyWhere = Object.fromEntries(key.map((column) => [column, 0]));
        return `DELETE FROM ${quote(this.physical(logical))}${whereClause(this.sql, keyWhere, 0).sql}`;
      });
      for (const deleted of writes.deletes)
        await this.sql.run(
          sql,
          key.map((column) => deleted[column]),
        );
    }
  }

  private async writeRows(
    definition: ProjectionTable,
    columns: readonly string[],
    rows: readonly CachedRow[],
    conflict?: { readonly key: readonly string[]; readonly set: readonly string[] },
  ): Promise<void> {
    const op = conflict ? 'upsert' : 'insert';
    for (let start = 0; start < rows.length;) {
      // Statements of a power of two of rows, so each table has a handful of shapes to prepare once.
      const end = start + largestPowerOfTwo(Math.min(rows.length - start, this.sql.rowsPerStatement));
      const sql = this.memo(definition.name, op, end - start, () =>
        insertSql(this.sql, this.physical(definition.name), columns, end - start, conflict),
      );
      const params: unknown[] = [];
      for (let r = start; r < end; r += 1) for (const column of columns) params.push(rows[r]![column] ?? null);
      await this.sql.run(sql, params);
      start = end;
    }
  }

  /** The cached row of this key, read from the database the first time. */
  private async load(definition: ProjectionTable, cache: TableCache, where: Row): Promise<CacheEntry> {
    const key = cache.keyOf(where)!;
    const known = cache.get(key);
    if (known) return known;
    const encodedKey = encodeRow(this.dialect, definition, pick(where, definition.primaryKey));
    // Key values are never null here (see TableCache.keyOf), so one statement serves every key.
    const sql = this.memo(definition.name, 'load', 1, () => {
      const filter = whereClause(this.sql, encodedKey, 0);
      return `SELECT * FROM ${quote(this.physical(definition.name))}${filter.sql}`;
    });
    const rows = await this.sql.all(sql, Object.values(encodedKey));
    return cache.loaded(key, encodedKey, rows[0]);
  }

  private async insertNow(definition: ProjectionTable, encoded: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(encoded);
    await this.sql.run(insertSql(this.sql, this.physical(definition.name), columns, 1), Object.values(encoded));
  }

  private async select(definition: ProjectionTable, where: Row, limit?: number): Promise<Row[]> {
    const filter = whereClause(this.sql, encodeRow(this.dialect, definition, where), 0);
    const sql = `SELECT * FROM ${quote(this.physical(definition.name))}${filter.sql}${limit === undefined ? '' : ` LIMIT ${limit}`}`;
    const raw = await this.sql.all(sql, filter.params);
    return raw.map((row) => decodeRow(definition, row));
  }

  /**
   * The table's cache when it can answer for `row` exactly: there is a cache and `row` names the full
   * primary key (only, when `exact`) with values of the column's own JS type, so equal keys compare equal.
   */
  private cacheFor(definition: ProjectionTable, row: Row, exact = false): TableCache | undefined {
    if (!this.caches) return undefined;
    if (exact && Object.keys(row).length !== definition.primaryKey.length) return undefined;
    const cache = this.caches.table(definition.name, (capacity) => {
      const types = definition.primaryKey.map((column) => columnSpec(definition, column).type);
      return new TableCache(definition.primaryKey, types, Object.keys(definition.columns), capacity);
    });
    return cache.keyOf(row) === undefined ? undefined : cache;
  }

  private leaveCache(): void {
    if (!this.caches) return;
    if (this.caches.dirty) {
      throw new WriteCacheBypassed('the projection uses tx.manager; its batch runs again without the write cache');
    }
    // Its own SQL may change rows the cache holds.
    this.caches.clear();
    this.caches = undefined;
  }

  /** The SQL of a hot statement, built once per table version and shape (the same string: cheap lookups). */
  private memo(logical: string, op: string, rows: number, build: () => string): string {
    // By the definition object: two projections (say, in tests) may share a logical name, not a definition.
    const definition = this.definition(logical);
    let memo = SQL_MEMO.get(definition);
    if (!memo) SQL_MEMO.set(definition, (memo = new Map()));
    const key = `${this.dialect}|${this.version}|${op}|${rows}`;
    let sql = memo.get(key);
    if (sql === undefined) memo.set(key, (sql = build()));
    return sql;
  }

  private physical(logical: string): string {
    this.definition(logical);
    return physicalTableName(logical, this.version);
  }

  private definition(logical: string): ProjectionTable {
    const table = this.tables.get(logical);
    if (!table) throw new Error(`projection has no table ${logical}`);
    return table;
  }
}

const SQL_MEMO = new WeakMap<ProjectionTable, Map<string, string>>();

/** The largest power of two at most `n` (n >= 1). */
function largestPowerOfTwo(n: number): number {
  return 2 ** Math.floor(Math.log2(n));
}

function pick(row: Row, columns: readonly string[]): Row {
  const picked: Record<string, Row[string]> = {};
  for (const column of columns) picked[column] = row[column]!;
  return picked;
}

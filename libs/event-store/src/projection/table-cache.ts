import type { ColumnType, Row } from './projection.js';

/** A row as the database holds it: every column, values encoded as they are bound. */
export type CachedRow = Record<string, unknown>;

/**
 * What the batch knows of one primary key:
 * - `clean`: `row` is what the database holds (undefined: no such row);
 * - `write`: `row` must be written over whatever the database holds (upsert; undefined: delete);
 * - `insert`: inserted without reading first; written with a plain INSERT, so a duplicate still fails.
 */
export interface CacheEntry {
  readonly key: string;
  readonly where: CachedRow;
  row: CachedRow | undefined;
  state: 'clean' | 'write' | 'insert';
}

export interface CacheWrites {
  readonly inserts: CachedRow[];
  readonly upserts: CachedRow[];
  /** Primary keys (encoded) of rows to delete. */
  readonly deletes: CachedRow[];
}

// Key values of the column's own JS type only: the database would also match `'7'` with 7, the cache not.
const KEY_TYPES: Partial<Record<ColumnType, (value: unknown) => boolean>> = {
  text: (value) => typeof value === 'string',
  integer: (value) => Number.isSafeInteger(value),
};

/**
 * The write-behind rows of one table, by primary key. Between batches it keeps what the database holds
 * (every entry clean once written), so the next batch need not read those rows again: about `capacity`
 * to twice that many, in two generations (a full young one becomes the old one, and the old one goes).
 * Only valid while the lane that owns it is the only writer of its tables, and only while every batch
 * it served committed: the worker clears it when one fails.
 */
export class TableCache {
  private young = new Map<string, CacheEntry>();
  private old = new Map<string, CacheEntry>();
  /** Entries to write at the next flush, in the order they became dirty. */
  private pending: CacheEntry[] = [];

  constructor(
    private readonly primaryKey: readonly string[],
    private readonly keyTypes: readonly ColumnType[],
    private readonly columns: readonly string[],
    private readonly capacity = Number.POSITIVE_INFINITY,
  ) {}

  get dirty(): boolean {
    return this.pending.length > 0;
  }

  /** The cache key of `row`'s primary key, or undefined when it cannot be keyed exactly. */
  keyOf(row: Row): string | undefined {
    let key = '';
    for (let i = 0; i < this.primaryKey.length; i += 1) {
      const value = row[this.primaryKey[i]!];
      const accepts = KEY_TYPES[this.keyTypes[i]!];
      if (!accepts || !accepts(value)) return undefined;
      // Length-prefixed, so no two keys run together (a column's values are all of one JS type).
      const text = String(value);
      key += `${text.length}:${text}`;
    }
    return key;
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.young.get(key);
    if (entry) return entry;
    const older = this.old.get(key);
    if (older) {
      this.old.delete(key);
      this.young.set(key, older);
    }
    return older;
  }

  /** Records what the database returned for a key (`raw` undefined: no row). */
  loaded(key: string, where: CachedRow, raw: CachedRow | undefined): CacheEntry {
    const entry: CacheEntry = { key, where, row: raw ? { ...raw } : undefined, state: 'clean' };
    this.young.set(key, entry);
    return entry;
  }

  /** False when the row is known to exist: the caller lets the database raise the duplicate. */
  insert(key: string, encoded: CachedRow): boolean {
    const entry = this.get(key);
    if (entry?.row) return false;
    const row = this.fullRow(encoded);
    if (entry) this.write(entry, row);
    else this.add({ key, where: this.keyColumns(row), row, state: 'insert' });
    return true;
  }

  /** Whether an encoded row gives every column of the table (encodeRow refuses unknown columns). */
  namesEveryColumn(encoded: CachedRow): boolean {
    return Object.keys(encoded).length === this.columns.length;
  }

  /** Insert, or overwrite every column: the row is written whatever the database holds. */
  overwrite(key: string, encoded: CachedRow): void {
    const row = this.fullRow(encoded);
    const entry = this.get(key);
    if (entry) return this.write(entry, row);
    this.add({ key, where: this.keyColumns(row), row, state: 'write' });
  }

  /** Insert, or overwrite the given non-key columns (none given: leave the row as it is). */
  upsert(entry: CacheEntry, encoded: CachedRow): void {
    if (!entry.row) return this.write(entry, this.fullRow(encoded));
    const others = Object.keys(encoded).filter((column) => !this.primaryKey.includes(column));
    if (others.length === 0) return;
    const row = { ...entry.row };
    for (const column of others) row[column] = encoded[column];
    this.write(entry, row);
  }

  /** `column = column + by` (NULL stays NULL), or a new row from `create()` when there is none. */
  increment(entry: CacheEntry, column: string, by: number, create: () => CachedRow): void {
    if (!entry.row) return this.write(entry, this.fullRow(create()));
    const current = entry.row[column];
    this.write(entry, {
      ...entry.row,
      [column]: current === null || current === undefined ? null : Number(current) + by,
    });
  }

  /** Rows changed: 1 or 0. */
  update(entry: CacheEntry, encodedSet: CachedRow): number {
    if (!entry.row) return 0;
    this.write(entry, { ...entry.row, ...encodedSet });
    return 1;
  }

  /** Rows deleted, or undefined for a row inserted unread (the database must say whether that insert stands). */
  delete(entry: CacheEntry): number | undefined {
    if (entry.state === 'insert') return undefined;
    if (!entry.row) return 0;
    this.write(entry, undefined);
    return 1;
  }

  /**
   * The pending writes; the entries are clean afterwards (the caller writes them in this transaction).
   * With nothing left to write, a full young generation becomes the old one here.
   */
  takeWrites(): CacheWrites {
    const writes: CacheWrites = { inserts: [], upserts: [], deletes: [] };
    for (const entry of this.pending) {
      if (entry.state === 'insert') writes.inserts.push(entry.row!);
      else if (entry.row) writes.upserts.push(entry.row);
      else writes.deletes.push(entry.where);
      entry.state = 'clean';
    }
    this.pending = [];
    if (this.young.size >= this.capacity) {
      this.old = this.capacity > 0 ? this.young : new Map();
      this.young = new Map();
    }
    return writes;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.pending = [];
  }

  private add(entry: CacheEntry): void {
    this.young.set(entry.key, entry);
    this.pending.push(entry);
  }

  private write(entry: CacheEntry, row: CachedRow | undefined): void {
    if (entry.state === 'clean') this.pending.push(entry);
    // A row inserted unread stays an INSERT (so a duplicate still fails), whatever happens to it next.
    if (entry.state !== 'insert') entry.state = 'write';
    entry.row = row;
  }

  private fullRow(encoded: CachedRow): CachedRow {
    const row: CachedRow = {};
    for (const column of this.columns) row[column] = encoded[column] ?? null;
    return row;
  }

  private keyColumns(row: CachedRow): CachedRow {
    const key: CachedRow = {};
    for (const column of this.primaryKey) key[column] = row[column];
    return key;
  }
}

/**
 * One lane's table caches, kept from batch to batch (see TableCache): rows the lane wrote or read are
 * answered from memory while the lane holds its lease. Cleared whenever a batch fails, since the
 * rolled-back transaction's rows may be in it.
 */
export class RowCache {
  private readonly tables = new Map<string, TableCache>();

  /** `capacity`: rows kept per table between batches (up to twice that, see TableCache). */
  constructor(private readonly capacity: number) {}

  get dirty(): boolean {
    for (const table of this.tables.values()) if (table.dirty) return true;
    return false;
  }

  /** The cache of one table (by its logical name), made on first use. */
  table(name: string, make: (capacity: number) => TableCache): TableCache {
    let cache = this.tables.get(name);
    if (!cache) this.tables.set(name, (cache = make(this.capacity)));
    return cache;
  }

  /** The cache of one table if it has one. */
  existing(name: string): TableCache | undefined {
    return this.tables.get(name);
  }

  /** Every table's cache, in the order they were first used. */
  all(): IterableIterator<[string, TableCache]> {
    return this.tables.entries();
  }

  clear(): void {
    this.tables.clear();
  }
}

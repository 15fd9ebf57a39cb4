// The projection contract: what a read model declares and how it writes its rows.
//
// Versioned tables, so a rebuild can run beside the live read model:
// - A projection declares *logical* tables (`stream_activity`). The runner creates them as *physical*
//   tables suffixed with a version (`stream_activity__v1`, `stream_activity__v2`, ...).
// - `projection_registry` records, per projection, which version is live. Queries resolve the physical
//   name with `liveTableName(dataSource, projection, table)` and read it directly.
// - A rebuild creates version live+1, replays the whole log into it beside the live version (which keeps
//   being updated), then, once caught up, swaps `live_version` and drops the old tables in one transaction.
// - `apply` writes through `ProjectionTx`, whose helpers take logical names, so the same code fills any
//   version. `tx.manager` (a TypeORM EntityManager inside the batch's transaction) is there for anything
//   else; resolve names with `tx.table(logical)` when using it.
// - Writes by full primary key are kept in memory for the batch and written at its end (TableWriter's
//   write-behind cache); every read through `tx` sees them. A projection that reaches for `tx.manager`
//   or `tx.table()` has its batch run again, and runs from then on, without that cache.
import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '../port/envelope.js';

/**
 * Portable column types (SQLite and PostgreSQL). `integer` is 64-bit storage read back as a JS number
 * (exact up to 2^53); `json` is stored as text and parsed on read; keep positions as `text`.
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'json';

export interface ColumnSpec {
  readonly type: ColumnType;
  readonly nullable?: boolean;
}

export interface ProjectionTable {
  /** Logical name: lower snake case, unique across the projections of one runner. */
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnType | ColumnSpec>>;
  readonly primaryKey: readonly string[];
  /** Extra (non-unique) indexes, each a list of columns. */
  readonly indexes?: readonly (readonly string[])[];
}

export type ColumnValue = string | number | boolean | null | JsonValue;
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type Row = Readonly<Record<string, ColumnValue>>;

// Typed rows. A table declared with `table({...})` keeps its columns' literal types, so `RowOf<typeof T>`
// is the row its queries read back (decodeRow) and its projection writes: each row type is declared once,
// by the table itself, and nothing downstream casts a column with String() or Number().

declare const SHAPE: unique symbol;

/** A json column whose value has a known shape. The shape is a type only: nothing checks it at run time. */
export interface JsonColumn<Shape, Nullable extends boolean = false> extends ColumnSpec {
  readonly type: 'json';
  readonly nullable?: Nullable;
  readonly [SHAPE]?: Shape;
}

/** A json column holding `Shape` (e.g. `json<string[]>()`); `json<Shape>(true)` may also hold null. */
export function json<Shape>(): JsonColumn<Shape>;
export function json<Shape>(nullable: true): JsonColumn<Shape, true>;
export function json<Shape>(nullable?: true): JsonColumn<Shape, boolean> {
  return nullable ? { type: 'json', nullable } : { type: 'json' };
}

type TypeOfColumn<T> = T extends 'text'
  ? string
  : T extends 'integer' | 'real'
    ? number
    : T extends 'boolean'
      ? boolean
      : JsonValue;

/** The value a column holds, as decodeRow gives it back. */
export type ValueOf<Spec> =
  Spec extends JsonColumn<infer Shape, infer Nullable>
    ? (unknown extends Shape ? JsonValue : Shape) | (Nullable extends true ? null : never)
    : Spec extends ColumnType
      ? TypeOfColumn<Spec>
      : Spec extends { readonly type: infer T; readonly nullable: true }
        ? TypeOfColumn<T> | null
        : Spec extends { readonly type: infer T }
          ? TypeOfColumn<T>
          : never;

/** The row of a table declared with `table()`. */
export type RowOf<T extends ProjectionTable> = { readonly [K in keyof T['columns']]: ValueOf<T['columns'][K]> };

type NullableColumns<T extends ProjectionTable> = {
  [K in keyof T['columns']]: null extends ValueOf<T['columns'][K]> ? K : never;
}[keyof T['columns']];

/** A row to insert: every column, though one that may hold null may be left out (it is then null). */
export type NewRowOf<T extends ProjectionTable> = Omit<RowOf<T>, NullableColumns<T>> &
  Partial<Pick<RowOf<T>, NullableColumns<T>>>;

/** Declares a table, keeping its columns' types for RowOf (the runner reads it as any ProjectionTable). */
export function table<const T extends ProjectionTable>(declaration: T): T {
  return declaration;
}

/** A table's row, or the columns of it a call names (a key, a filter, the columns to set). */
type Columns<T extends ProjectionTable> = Partial<RowOf<T>>;

/**
 * What `apply` writes through: the batch's transaction. Tables are named by their declaration (typed
 * rows, see `table()`) or by their logical name (plain rows).
 */
export interface ProjectionTx {
  /** The EntityManager of the batch's transaction. */
  readonly manager: EntityManager;
  /** Physical name of a logical table for the version being written (e.g. `stream_activity__v2`). */
  table(logical: string): string;
  insert<T extends ProjectionTable>(table: T, row: NewRowOf<T>): Promise<void>;
  insert(table: string, row: Row): Promise<void>;
  /** Insert, or overwrite the non-key columns of the row with the same primary key. */
  upsert<T extends ProjectionTable>(table: T, row: Columns<T>): Promise<void>;
  upsert(table: string, row: Row): Promise<void>;
  /** Add `by` to a numeric column of the row with this key, creating the row (other columns from `init`). */
  increment<T extends ProjectionTable>(
    table: T,
    key: Columns<T>,
    column: keyof T['columns'] & string,
    by?: number,
    init?: Columns<T>,
  ): Promise<void>;
  increment(table: string, key: Row, column: string, by?: number, init?: Row): Promise<void>;
  /** Returns the number of rows changed. */
  update<T extends ProjectionTable>(table: T, where: Columns<T>, set: Columns<T>): Promise<number>;
  update(table: string, where: Row, set: Row): Promise<number>;
  /** Returns the number of rows deleted. */
  delete<T extends ProjectionTable>(table: T, where: Columns<T>): Promise<number>;
  delete(table: string, where: Row): Promise<number>;
  findOne<T extends ProjectionTable>(table: T, where: Columns<T>): Promise<RowOf<T> | undefined>;
  findOne(table: string, where: Row): Promise<Row | undefined>;
  find<T extends ProjectionTable>(table: T, where?: Columns<T>): Promise<RowOf<T>[]>;
  find(table: string, where?: Row): Promise<Row[]>;
}

export interface Projection {
  /** Stable name, lower snake case (the key of its checkpoint, lease and registry rows). */
  readonly name: string;
  /**
   * Version of the projection's logic. When the deployed code's version differs from the one that
   * built the live tables, the runner rebuilds beside them and swaps when caught up.
   */
  readonly version: number;
  /** The event types `apply` handles; only these are read. 'all' for every event (audit views). */
  readonly eventTypes: readonly string[] | 'all';
  /** Optional: only events of streams starting with one of these. */
  readonly streamPrefixes?: readonly string[];
  readonly tables: readonly ProjectionTable[];
  /** Applies one event. Throwing rolls back the batch; an event failing `maxAttempts` times is parked. */
  apply(event: RecordedEvent, tx: ProjectionTx): Promise<void>;
}

import { Table, type DataSource, type QueryRunner } from 'typeorm';
import {
  table,
  type ColumnSpec,
  type ColumnType,
  type ColumnValue,
  type Projection,
  type ProjectionTable,
  type Row,
  type RowOf,
} from './projection.js';

/** The read databases the runner supports; the DDL and value encoding differ slightly between them. */
export type SqlDialect = 'sqlite' | 'postgres';

export function dialectOf(dataSource: DataSource): SqlDialect {
  const type = dataSource.options.type;
  if (type === 'better-sqlite3') return 'sqlite';
  if (type === 'postgres') return 'postgres';
  throw new Error(`projection runner: unsupported read database type ${String(type)}`);
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;

export function physicalTableName(logical: string, version: number): string {
  return `${logical}__v${version}`;
}

/** Rejects names that would not be safe or portable identifiers, and tables two projections share. */
export function validateProjections(projections: readonly Projection[]): void {
  const projectionNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const projection of projections) {
    if (!IDENTIFIER.test(projection.name)) throw new Error(`invalid projection name ${projection.name}`);
    if (projectionNames.has(projection.name)) throw new Error(`duplicate projection ${projection.name}`);
    projectionNames.add(projection.name);
    if (!Number.isInteger(projection.version) || projection.version < 1) {
      throw new Error(`projection ${projection.name}: version must be a positive integer`);
    }
    if (projection.eventTypes !== 'all' && projection.eventTypes.length === 0)
      throw new Error(`projection ${projection.name} handles no event type`);
    for (const table of projection.tables) {
      if (!IDENTIFIER.test(table.name)) throw new Error(`invalid table name ${table.name}`);
      if (tableNames.has(table.name)) throw new Error(`table ${table.name} is declared twice`);
      tableNames.add(table.name);
      const columns = Object.keys(table.columns);
      for (const column of columns) {
        if (!IDENTIFIER.test(column)) throw new Error(`invalid column ${table.name}.${column}`);
      }
      if (table.primaryKey.length === 0) throw new Error(`table ${table.name} needs a primary key`);
      for (const column of [...table.primaryKey, ...(table.indexes ?? []).flat()]) {
        if (!columns.includes(column)) throw new Error(`table ${table.name} has no column ${column}`);
      }
    }
  }
}

export function columnSpec(table: ProjectionTable, column: string): ColumnSpec {
  const spec = specsOf(table).get(column);
  if (spec === undefined) throw new Error(`table ${table.name} has no column ${column}`);
  return spec;
}

// Each table's column specs in their long form, made once: rows are encoded and decoded by the million.
const SPECS = new WeakMap<ProjectionTable, ReadonlyMap<string, ColumnSpec>>();

function specsOf(table: ProjectionTable): ReadonlyMap<string, ColumnSpec> {
  let specs = SPECS.get(table);
  if (!specs) {
    specs = new Map(
      Object.entries(table.columns).map(([name, spec]) => [name, typeof spec === 'string' ? { type: spec } : spec]),
    );
    SPECS.set(table, specs);
  }
  return specs;
}

const SQL_TYPES: Record<SqlDialect, Record<ColumnType, string>> = {
  sqlite: { text: 'text', integer: 'integer', real: 'real', boolean: 'boolean', json: 'text' },
  postgres: { text: 'text', integer: 'bigint', real: 'double precision', boolean: 'boolean', json: 'text' },
};

export function toTypeormTable(dialect: SqlDialect, table: ProjectionTable, physical: string): Table {
  return new Table({
    name: physical,
    columns: Object.keys(table.columns).map((name) => {
      const spec = columnSpec(table, name);
      const isPrimary = table.primaryKey.includes(name);
      return { name, type: SQL_TYPES[dialect][spec.type], isPrimary, isNullable: !isPrimary && spec.nullable === true };
    }),
    indices: (table.indexes ?? []).map((columns) => ({
      name: `${physical}__${columns.join('_')}`.slice(0, 63),
      columnNames: [...columns],
    })),
  });
}

export async function createProjectionTables(
  runner: QueryRunner,
  dialect: SqlDialect,
  projection: Projection,
  version: number,
): Promise<void> {
  for (const table of projection.tables) {
    const physical = physicalTableName(table.name, version);
    // A leftover from an interrupted rebuild is dropped: its checkpoint was not kept with it.
    await runner.dropTable(physical, true);
    await runner.createTable(toTypeormTable(dialect, table, physical), false);
  }
}

export async function dropProjectionTables(
  runner: QueryRunner,
  projection: Projection,
  version: number,
): Promise<void> {
  for (const table of projection.tables) await runner.dropTable(physicalTableName(table.name, version), true);
}

/** A JS value as the driver should bind it. */
export function encodeValue(dialect: SqlDialect, spec: ColumnSpec, value: ColumnValue | undefined): unknown {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'json':
      return JSON.stringify(value);
    case 'boolean':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    default:
      return value;
  }
}

/** A stored value as the projection wrote it (PostgreSQL returns bigint as a string, SQLite booleans as 0/1). */
export function decodeValue(spec: ColumnSpec, value: unknown): ColumnValue {
  if (value === null || value === undefined) return null;
  switch (spec.type) {
    case 'integer':
    case 'real':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't';
    case 'json':
      return JSON.parse(String(value)) as ColumnValue;
    default:
      return String(value);
  }
}

export function encodeRow(dialect: SqlDialect, table: ProjectionTable, row: Row): Record<string, unknown> {
  const encoded: Record<string, unknown> = {};
  for (const column of Object.keys(row)) encoded[column] = encodeValue(dialect, columnSpec(table, column), row[column]);
  return encoded;
}

export function decodeRow<T extends ProjectionTable>(table: T, raw: Record<string, unknown>): RowOf<T> {
  const row: Record<string, ColumnValue> = {};
  for (const [column, spec] of specsOf(table)) row[column] = decodeValue(spec, raw[column]);
  // The one place a row gets its type: each value was just decoded by its column's declared type.
  return row as RowOf<T>;
}

/** Which physical version of each projection the query side should read. */
export const REGISTRY = table({
  name: 'projection_registry',
  columns: { name: 'text', live_version: 'integer', logic_version: 'integer', updated_at: 'text' },
  primaryKey: ['name'],
});

/** One row per (projection, version) being filled: the live one and, during a rebuild, the next. */
export const CHECKPOINTS = table({
  name: 'projection_checkpoints',
  columns: {
    name: 'text',
    version: 'integer',
    logic_version: 'integer',
    position: { type: 'text', nullable: true },
    updated_at: 'text',
  },
  primaryKey: ['name', 'version'],
});

export const LEASES = table({
  name: 'projection_leases',
  columns: { name: 'text', owner: 'text', expires_at: 'integer' },
  primaryKey: ['name'],
});

/** The error message only: never the event's data, which may carry personal data. */
export const PARKED = table({
  name: 'projection_parked',
  columns: {
    name: 'text',
    version: 'integer',
    position: 'text',
    event_id: 'text',
    event_type: 'text',
    error: 'text',
    attempts: 'integer',
    parked_at: 'text',
  },
  primaryKey: ['name', 'version', 'position'],
});

/** Events applied with some personal data unreadable (see RecordedEvent.unreadable): ids and why only. */
export const UNREADABLE = table({
  name: 'projection_unreadable',
  columns: {
    name: 'text',
    version: 'integer',
    position: 'text',
    event_id: 'text',
    event_type: 'text',
    reason: 'text',
    recorded_at: 'text',
  },
  primaryKey: ['name', 'version', 'position'],
});

/** The runner's own bookkeeping, created beside the read models on first start. */
export const BOOKKEEPING_TABLES: readonly ProjectionTable[] = [REGISTRY, CHECKPOINTS, LEASES, PARKED, UNREADABLE];

export async function ensureBookkeepingTables(dataSource: DataSource): Promise<void> {
  const dialect = dialectOf(dataSource);
  const runner = dataSource.createQueryRunner();
  try {
    for (const table of BOOKKEEPING_TABLES) {
      if (await runner.hasTable(table.name)) continue;
      try {
        await runner.createTable(toTypeormTable(dialect, table, table.name), true);
      } catch (error) {
        // Another runner may have created it between our check and our CREATE.
        if (!(await runner.hasTable(table.name))) throw error;
      }
    }
  } finally {
    await runner.release();
  }
}

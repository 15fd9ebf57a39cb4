import type { DataSource } from 'typeorm';
import { readRegistry } from './projection-bookkeeping.js';
import { physicalTableName } from './projection-schema.js';
import type { ColumnType, ColumnValue, Projection, ProjectionTable, Row } from './projection.js';

// For query handlers: find a projection's live tables and decode what a raw query read from them.

/** The physical (live) name of each of a projection's tables, or undefined before its runner first started. */
export async function liveTables(db: DataSource, projection: Projection): Promise<Record<string, string> | undefined> {
  const registry = await readRegistry(db, projection.name);
  if (!registry) return undefined;
  return Object.fromEntries(
    projection.tables.map((table) => [table.name, physicalTableName(table.name, registry.liveVersion)]),
  );
}

/** The table's declaration, for decoding what a query read from it. */
export function tableOf(projection: Projection, name: string): ProjectionTable {
  const table = projection.tables.find((t) => t.name === name);
  if (!table) throw new Error(`projection ${projection.name} has no table ${name}`);
  return table;
}

// Raw rows come back as the driver stores them: PostgreSQL bigints as strings, SQLite booleans as 0/1,
// json as text. Decoded here, as the projection wrote them.
export function decodeRow(table: ProjectionTable, raw: Record<string, unknown>): Row {
  const row: Record<string, ColumnValue> = {};
  for (const [column, spec] of Object.entries(table.columns)) {
    row[column] = decodeValue(typeof spec === 'string' ? spec : spec.type, raw[column]);
  }
  return row;
}

function decodeValue(type: ColumnType, value: unknown): ColumnValue {
  if (value === null || value === undefined) return null;
  switch (type) {
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

/** A text column that may be null, as an optional field. */
export function optionalText(value: ColumnValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

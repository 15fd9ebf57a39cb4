import type { DataSource } from 'typeorm';
import { readRegistry } from './projection-bookkeeping.js';
import { physicalTableName } from './projection-schema.js';
import type { ColumnValue, Projection, ProjectionTable } from './projection.js';

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

// Raw rows come back as the driver stores them (PostgreSQL bigints as strings, SQLite booleans as 0/1,
// json as text): decodeRow gives them back as the projection wrote them.
export { decodeRow } from './projection-schema.js';

/** A text column that may be null, as an optional field. */
export function optionalText(value: ColumnValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

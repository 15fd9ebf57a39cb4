import type { DataSource } from 'typeorm';
import { readRegistry } from './projection-bookkeeping.js';
import { physicalTableName } from './projection-schema.js';
import type { ColumnValue, Projection } from './projection.js';

// For query handlers: find a projection's live tables and decode what a raw query read from them.

/** The physical (live) name of each of a projection's tables, or undefined before its runner first started. */
export async function liveTables(db: DataSource, projection: Projection): Promise<Record<string, string> | undefined> {
  const registry = await readRegistry(db, projection.name);
  if (!registry) return undefined;
  return Object.fromEntries(
    projection.tables.map((table) => [table.name, physicalTableName(table.name, registry.liveVersion)]),
  );
}

// Raw rows come back as the driver stores them (PostgreSQL bigints as strings, SQLite booleans as 0/1,
// json as text): decodeRow gives them back as the projection wrote them.
export { decodeRow } from './projection-schema.js';

/** A text column that may be null, as an optional field. */
export function optionalText(value: ColumnValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** A text column holding one of a closed list's words, as that word (undefined for any other text). */
export function oneOf<const T extends string>(choices: readonly T[], value: string | null | undefined): T | undefined {
  return choices.find((choice) => choice === value);
}

import type { DataSource } from 'typeorm';
import { physicalTableName, readRegistry, type ColumnType, type ColumnValue, type Row } from '#event-store';
import { CONTRIBUTION_STATUS_TABLE, contributionStatusProjection } from './contribution-status.projection.js';

/** The live physical table, or undefined before the runner first started (nothing projected yet). */
export async function liveStatusTable(db: DataSource): Promise<string | undefined> {
  const registry = await readRegistry(db, contributionStatusProjection.name);
  return registry ? physicalTableName(CONTRIBUTION_STATUS_TABLE, registry.liveVersion) : undefined;
}

/** Rows of one tenant, filtered by a where clause over the `t` alias; decoded as the projection wrote them. */
export async function statusRows(
  db: DataSource,
  tenantId: string,
  where?: { sql: string; params: Record<string, unknown> },
): Promise<Row[]> {
  const table = await liveStatusTable(db);
  if (!table) return [];
  let query = db.createQueryBuilder().select('*').from(table, 't').where('t.tenant_id = :tenantId', { tenantId });
  if (where) query = query.andWhere(where.sql, where.params);
  const raw = await query.orderBy('t.submitted_at', 'ASC').addOrderBy('t.contribution_id', 'ASC').getRawMany();
  return raw.map((r: Record<string, unknown>) => decode(r));
}

const COLUMNS = contributionStatusProjection.tables[0]!.columns;

// Raw rows come back as the driver stores them (SQLite booleans as 0/1, json as text).
function decode(raw: Record<string, unknown>): Row {
  const row: Record<string, ColumnValue> = {};
  for (const [column, spec] of Object.entries(COLUMNS)) {
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
      return typeof value === 'string' ? (JSON.parse(value) as ColumnValue) : (value as ColumnValue);
    default:
      return String(value);
  }
}

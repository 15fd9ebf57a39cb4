import { decodeRow, type ProjectionTable, type RowOf } from '#event-store';
import type { InsightTables } from './read-models-at.js';

/** A period of London dates, inclusive; either end may be open. */
export interface Period {
  readonly from?: string;
  readonly to?: string;
}

/** Every row of an insight table for a tenant, decoded, optionally where `column` falls in the period. */
export async function rowsOf<T extends ProjectionTable>(
  tables: InsightTables,
  table: T,
  tenantId: string,
  where: Partial<Readonly<Record<keyof T['columns'] & string, string>>> = {},
  period?: { readonly column: keyof T['columns'] & string } & Period,
): Promise<RowOf<T>[]> {
  const query = tables.db
    .createQueryBuilder()
    .select('*')
    .from(tables.t[table.name]!, 'r')
    .where('r.tenant_id = :tenantId', { tenantId });
  for (const [column, value] of Object.entries<string | undefined>(where)) {
    query.andWhere(`r.${column} = :${column}`, { [column]: value });
  }
  // Stored instants carry their offset; a London date range is compared on the first ten characters,
  // close enough for a board's reporting period (an hour's difference at midnight in summer).
  if (period?.from) query.andWhere(`substr(r.${period.column}, 1, 10) >= :from`, { from: period.from });
  if (period?.to) query.andWhere(`substr(r.${period.column}, 1, 10) <= :to`, { to: period.to });
  const raw = await query.getRawMany<Record<string, unknown>>();
  return raw.map((r) => decodeRow(table, r));
}

/** Days between two instants, to a tenth of a day (never negative). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 8_640_000) / 10);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1]! + sorted[mid]!) / 2) * 10) / 10;
}

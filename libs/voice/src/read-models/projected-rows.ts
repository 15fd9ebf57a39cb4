import type { DataSource } from 'typeorm';
import {
  decodeRow,
  physicalTableName,
  readRegistry,
  type Projection,
  type ProjectionTable,
  type RowOf,
} from '#event-store';

// How every voice read model is read: one tenant's rows of a projection's live table, typed by its declaration.

export interface Where {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/**
 * One tenant's rows (every tenant's with `null`, for background processes) of a projection's table (empty
 * before the runner first started), filtered by a clause over the `t` alias, decoded as the projection
 * wrote them: typed by the table's declaration.
 */
export async function projectedRows<T extends ProjectionTable>(
  db: DataSource,
  projection: Projection,
  table: T,
  tenantId: string | null,
  where: Where | undefined,
  orderBy: readonly (keyof T['columns'] & string)[],
): Promise<RowOf<T>[]> {
  const registry = await readRegistry(db, projection.name);
  if (!registry || !projection.tables.some((t) => t.name === table.name)) return [];
  let query = db
    .createQueryBuilder()
    .select('*')
    .from(physicalTableName(table.name, registry.liveVersion), 't')
    .where(tenantId === null ? '1 = 1' : 't.tenant_id = :tenantId', { tenantId });
  if (where) query = query.andWhere(where.sql, where.params);
  for (const column of orderBy) query = query.addOrderBy(`t.${column}`, 'ASC');
  const raw: Array<Record<string, unknown>> = await query.getRawMany();
  return raw.map((r) => decodeRow(table, r));
}

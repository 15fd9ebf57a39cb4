import type { DataSource } from 'typeorm';
import { decodeRow, physicalTableName, readRegistry, type Projection, type Row } from '#event-store';
import {
  initialContributionState,
  type ContributionState,
  type ContributionStatus,
  type Sharing,
} from '../../domain/index.js';
import { CONTRIBUTION_STATUS_TABLE, contributionStatusProjection } from './contribution-status.projection.js';

export interface Where {
  readonly sql: string;
  readonly params: Record<string, unknown>;
}

/**
 * One tenant's rows (every tenant's with `null`, for background processes) of a projection's table (empty before the runner first started), filtered by a
 * clause over the `t` alias, decoded as the projection wrote them.
 */
export async function projectedRows(
  db: DataSource,
  projection: Projection,
  tableName: string,
  tenantId: string | null,
  where: Where | undefined,
  orderBy: readonly string[],
): Promise<Row[]> {
  const registry = await readRegistry(db, projection.name);
  const table = projection.tables.find((t) => t.name === tableName);
  if (!registry || !table) return [];
  let query = db
    .createQueryBuilder()
    .select('*')
    .from(physicalTableName(tableName, registry.liveVersion), 't')
    .where(tenantId === null ? '1 = 1' : 't.tenant_id = :tenantId', { tenantId });
  if (where) query = query.andWhere(where.sql, where.params);
  for (const column of orderBy) query = query.addOrderBy(`t.${column}`, 'ASC');
  const raw: Array<Record<string, unknown>> = await query.getRawMany();
  return raw.map((r) => decodeRow(table, r));
}

/** Views of one tenant, oldest first. */
export function statusRows(db: DataSource, tenantId: string, where?: Where): Promise<Row[]> {
  return projectedRows(db, contributionStatusProjection, CONTRIBUTION_STATUS_TABLE, tenantId, where, [
    'submitted_at',
    'contribution_id',
  ]);
}

/** What the domain's rules (citability, the need for a summary) read of a view, from its status row. */
export function stateOfRow(row: Row): ContributionState {
  return {
    ...initialContributionState(),
    contributionId: String(row.contribution_id),
    status: String(row.status) as ContributionStatus,
    escalated: row.escalated === true,
    sharing: String(row.sharing) as Sharing,
    summaryVersion: Number(row.summary_version ?? 0),
    summaryResponse: (row.summary_response ?? undefined) as ContributionState['summaryResponse'],
  };
}

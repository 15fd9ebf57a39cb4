import type { DataSource } from 'typeorm';
import {
  decodeRow,
  physicalTableName,
  readRegistry,
  type Projection,
  type ProjectionTable,
  type RowOf,
  oneOf,
} from '#event-store';
import {
  CONTRIBUTION_STATUSES,
  initialContributionState,
  SHARING_CHOICES,
  type ContributionState,
} from '../../domain/index.js';
import {
  CONTRIBUTION_STATUS_TABLE,
  contributionStatusProjection,
  type ContributionStatusRow,
} from './contribution-status.projection.js';

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

/** Views of one tenant, oldest first. */
export function statusRows(db: DataSource, tenantId: string, where?: Where): Promise<ContributionStatusRow[]> {
  return projectedRows(db, contributionStatusProjection, CONTRIBUTION_STATUS_TABLE, tenantId, where, [
    'submitted_at',
    'contribution_id',
  ]);
}

/** What a young person said of the summary they were shown, as the status row keeps it. */
export const SUMMARY_RESPONSES_KEPT = ['agreed', 'change-requested'] as const;

/** What the domain's rules (citability, the need for a summary) read of a view, from its status row. */
export function stateOfRow(row: ContributionStatusRow): ContributionState {
  const initial = initialContributionState();
  const summaryResponse = oneOf(SUMMARY_RESPONSES_KEPT, row.summary_response);
  return {
    ...initial,
    contributionId: row.contribution_id,
    status: oneOf(CONTRIBUTION_STATUSES, row.status) ?? initial.status,
    escalated: row.escalated,
    sharing: oneOf(SHARING_CHOICES, row.sharing) ?? initial.sharing,
    summaryVersion: row.summary_version,
    ...(summaryResponse ? { summaryResponse } : {}),
  };
}

import type { DataSource } from 'typeorm';
import { oneOf } from '#event-store';
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
import { projectedRows, type Where } from '../projected-rows.js';

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

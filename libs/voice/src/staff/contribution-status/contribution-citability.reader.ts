import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContributionCitability, ContributionCitabilityReader } from '#board';
import { citability, initialContributionState, type Citability, type ContributionStatus } from '../../domain/index.js';
import { statusRows } from './contribution-status.rows.js';

// The board's union and the voice domain's must stay equal: this assignment fails to compile otherwise.
type BoardStatus = ContributionCitability['status'];
const sameUnion = (c: Citability): BoardStatus => c;
const sameUnionBack = (c: BoardStatus): Citability => c;
void sameUnionBack;

/** Answers the board from the contribution status read model, by the domain's own citability rule. */
@Injectable()
export class ContributionCitabilityFromReadModel implements ContributionCitabilityReader {
  constructor(private readonly db: DataSource) {}

  async citability(tenantId: string, contributionIds: readonly string[]): Promise<ContributionCitability[]> {
    if (contributionIds.length === 0) return [];
    // Scoped to the tenant: another board's view is simply unknown here.
    const rows = await statusRows(this.db, tenantId, {
      sql: 't.contribution_id IN (:...ids)',
      params: { ids: [...new Set(contributionIds)] },
    });
    const byId = new Map(rows.map((row) => [String(row.contribution_id), row]));
    return contributionIds.map((contributionId) => {
      const row = byId.get(contributionId);
      if (!row) return { contributionId, status: 'unknown' as const };
      const state = {
        ...initialContributionState(),
        contributionId,
        status: String(row.status) as ContributionStatus,
        escalated: row.escalated === true,
      };
      return { contributionId, status: sameUnion(citability(state)) };
    });
  }
}

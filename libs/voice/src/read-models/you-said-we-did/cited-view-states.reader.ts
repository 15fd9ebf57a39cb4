import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CitedViewState, CitedViewStateOf, CitedViewStatesReader } from '#board/contracts';
import { projectedRows } from '../projected-rows.js';
import { publicViewState, YSWD_VIEWS, youSaidWeDidProjection } from './you-said-we-did.projection.js';

const CHUNK = 500;

/** Answers the decisions register: what became of the views a decision cited (no words, ever). */
@Injectable()
export class CitedViewStatesFromReadModel implements CitedViewStatesReader {
  constructor(private readonly db: DataSource) {}

  async states(tenantId: string, contributionIds: readonly string[]): Promise<CitedViewStateOf[]> {
    const ids = [...new Set(contributionIds)];
    const byId = new Map<string, CitedViewState>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      // Scoped to the tenant: another board's view is simply unknown here.
      const rows = await projectedRows(
        this.db,
        youSaidWeDidProjection,
        YSWD_VIEWS,
        tenantId,
        { sql: 't.contribution_id IN (:...ids)', params: { ids: ids.slice(i, i + CHUNK) } },
        ['contribution_id'],
      );
      for (const row of rows) byId.set(row.contribution_id, publicViewState(row));
    }
    return contributionIds.map((contributionId) => ({ contributionId, state: byId.get(contributionId) ?? 'unknown' }));
  }
}

import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Influence } from '../../domain/index.js';
import { decodeRow, liveTables } from '#event-store';
import { decisionSummary } from './decision-rows.js';
import type { DecisionSummaryView } from './decisions-register.dto.js';
import { decisionsRegisterProjection, REGISTER, TAGS } from './decisions-register.projection.js';

export interface DecisionsFilter {
  readonly theme?: string;
  readonly principle?: string;
  readonly from?: string;
  readonly to?: string;
  readonly influence?: Influence;
  readonly voiceEvidence?: 'with' | 'without';
}

// Filter columns per influence: counts kept by the projection.
const INFLUENCE_COLUMN: Readonly<Record<Influence, string>> = {
  shaped: 'shaped',
  informed: 'informed',
  'considered-not-adopted': 'considered_not_adopted',
};

/** The caller's decisions register, newest first, filtered by tag, London date range and voice evidence. */
export class GetDecisions extends Query<DecisionSummaryView[]> {
  constructor(
    readonly tenantId: string,
    readonly filter: DecisionsFilter = {},
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetDecisions)
export class GetDecisionsHandler implements IQueryHandler<GetDecisions, DecisionSummaryView[]> {
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId, filter }: GetDecisions): Promise<DecisionSummaryView[]> {
    const tables = await liveTables(this.db, decisionsRegisterProjection);
    if (!tables) return []; // the runner has not started on this database yet
    const query = this.db
      .createQueryBuilder()
      .select('*')
      .from(tables[REGISTER.name]!, 'd')
      .where('d.tenant_id = :tenantId', { tenantId });
    const tagged = (kind: string, param: string) =>
      `EXISTS (SELECT 1 FROM ${tables[TAGS.name]} t WHERE t.tenant_id = d.tenant_id ` +
      `AND t.decision_id = d.decision_id AND t.kind = '${kind}' AND t.code = :${param})`;
    if (filter.theme) query.andWhere(tagged('theme', 'theme'), { theme: filter.theme });
    if (filter.principle) query.andWhere(tagged('principle', 'principle'), { principle: filter.principle });
    if (filter.from) query.andWhere('d.decided_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('d.decided_on <= :to', { to: filter.to });
    if (filter.influence) query.andWhere(`d.${INFLUENCE_COLUMN[filter.influence]} > 0`);
    if (filter.voiceEvidence === 'with') query.andWhere('d.contributions > 0');
    if (filter.voiceEvidence === 'without') query.andWhere('d.contributions = 0');
    query.orderBy('d.recorded_at_ms', 'DESC').addOrderBy('d.decision_id', 'ASC');
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((raw) => decisionSummary(decodeRow(REGISTER, raw)));
  }
}

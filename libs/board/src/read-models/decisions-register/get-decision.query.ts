import { Inject, Injectable, Optional } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '#platform';
import { CITED_VIEW_STATES, type CitedViewStatesReader } from '../../contracts/contribution-citability.js';
import { decodeRow, liveTables, optionalText, type ProjectionTable } from '#event-store';
import { citationsNow } from './cited-views.js';
import { decisionSummary } from './decision-rows.js';
import type { ChangeLinkView, DecisionDetailView, HistoryEntryView } from './decisions-register.dto.js';
import { decisionsRegisterProjection, HISTORY, REGISTER } from './decisions-register.projection.js';

/** One decision of the caller's board, with its voice evidence in full and its history; else not found. */
export class GetDecision extends Query<DecisionDetailView> {
  constructor(
    readonly tenantId: string,
    readonly decisionId: string,
  ) {
    super();
  }
}

const EVENT_NAMES: Readonly<Record<string, string>> = {
  DecisionRecorded: 'recorded',
  DecisionAmended: 'amended',
  DecisionSuperseded: 'superseded',
};

@Injectable()
@QueryHandler(GetDecision)
export class GetDecisionHandler implements IQueryHandler<GetDecision, DecisionDetailView> {
  constructor(
    private readonly db: DataSource,
    // The voice context answers it; without it (a board alone), citations show as recorded.
    @Optional() @Inject(CITED_VIEW_STATES) private readonly citedViews?: CitedViewStatesReader,
  ) {}

  async execute({ tenantId, decisionId }: GetDecision): Promise<DecisionDetailView> {
    const tables = await liveTables(this.db, decisionsRegisterProjection);
    const read = async <T extends ProjectionTable>(table: T) => {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(tables![table.name]!, 't')
        .where('t.tenant_id = :tenantId AND t.decision_id = :decisionId', { tenantId, decisionId })
        .orderBy(table.name === HISTORY.name ? 't.position' : 't.decision_id', 'ASC')
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(table, row));
    };
    const [row] = tables ? await read(REGISTER) : [];
    if (!row) throw new NotFound('There is no such decision in your board.');
    const history: HistoryEntryView[] = (await read(HISTORY)).map((entry) => ({
      event: EVENT_NAMES[entry.event_type] ?? entry.event_type,
      at: entry.at,
      relatedDecisionId: optionalText(entry.related_decision_id),
      reason: optionalText(entry.reason),
      changes: optionalText(entry.changes),
    }));
    const link = (entry: HistoryEntryView): ChangeLinkView => ({
      decisionId: entry.relatedDecisionId ?? '',
      reason: entry.reason ?? '',
      changes: entry.changes,
      at: entry.at,
    });
    const supersession = history.find((entry) => entry.event === 'superseded');
    return {
      ...decisionSummary(row),
      reasons: row.reasons,
      alternativesRejected: row.alternatives_rejected,
      interestsDeclared: row.interests_declared,
      citations: await citationsNow(tenantId, row.voice_evidence.contributions ?? [], this.citedViews),
      amends: row.amends ?? undefined,
      supersedes: row.supersedes ?? undefined,
      amendedBy: history.filter((entry) => entry.event === 'amended').map(link),
      supersededByDecision: supersession ? link(supersession) : undefined,
      history,
    };
  }
}

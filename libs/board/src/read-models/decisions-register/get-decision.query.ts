import { Inject, Injectable, Optional } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '#platform';
import { CITED_VIEW_STATES, type CitedViewStatesReader } from '../../contracts/contribution-citability.js';
import { decodeRow, liveTables, optionalText, tableOf } from '#event-store';
import { citationsNow, type RecordedCitation } from './cited-views.js';
import { decisionSummary } from './decision-rows.js';
import type {
  ChangeLinkView,
  DecisionDetailView,
  HistoryEntryView,
  RejectedAlternativeView,
} from './decisions-register.dto.js';
import { decisionsRegisterProjection } from './decisions-register.projection.js';

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
    const read = async (logical: string) => {
      const raw = await this.db
        .createQueryBuilder()
        .select('*')
        .from(tables![logical]!, 't')
        .where('t.tenant_id = :tenantId AND t.decision_id = :decisionId', { tenantId, decisionId })
        .orderBy(logical === 'decision_register_history' ? 't.position' : 't.decision_id', 'ASC')
        .getRawMany<Record<string, unknown>>();
      return raw.map((row) => decodeRow(tableOf(decisionsRegisterProjection, logical), row));
    };
    const [row] = tables ? await read('decision_register') : [];
    if (!row) throw new NotFound('There is no such decision in your board.');
    const history: HistoryEntryView[] = (await read('decision_register_history')).map((entry) => ({
      event: EVENT_NAMES[String(entry.event_type)] ?? String(entry.event_type),
      at: String(entry.at),
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
    const evidence = row.voice_evidence as { contributions?: RecordedCitation[] };
    const amends = row.amends as unknown as ChangeLinkView | null;
    const supersedes = row.supersedes as unknown as ChangeLinkView | null;
    const supersession = history.find((entry) => entry.event === 'superseded');
    return {
      ...decisionSummary(row),
      reasons: String(row.reasons),
      alternativesRejected: row.alternatives_rejected as unknown as RejectedAlternativeView[],
      interestsDeclared: row.interests_declared as string[],
      citations: await citationsNow(tenantId, evidence.contributions ?? [], this.citedViews),
      amends: amends ?? undefined,
      supersedes: supersedes ?? undefined,
      amendedBy: history.filter((entry) => entry.event === 'amended').map(link),
      supersededByDecision: supersession ? link(supersession) : undefined,
      history,
    };
  }
}

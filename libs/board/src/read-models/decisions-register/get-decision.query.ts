import { Inject, Injectable, Optional } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '#platform';
import { CITED_VIEW_STATES, type CitedViewStatesReader } from '../../contracts/contribution-citability.js';
import { decodeRow, liveTables, optionalText, type ProjectionTable } from '#event-store';
import { decisionReference } from '../../contracts/decision-reference.js';
import { citationsNow } from './cited-views.js';
import { decisionSummary } from './decision-rows.js';
import type { ChangeLinkView, DecisionDetailView, HistoryEntryView } from './decisions-register.dto.js';
import { decisionsRegisterProjection, HISTORY, REGISTER, type ChangeGiven } from './decisions-register.projection.js';

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
    const entries = await read(HISTORY);
    const references = await this.referencesOf(tables!, tenantId, [
      ...entries.map((entry) => entry.related_decision_id),
      row.amends?.decisionId,
      row.supersedes?.decisionId,
    ]);
    const history: HistoryEntryView[] = entries.map((entry) => ({
      event: EVENT_NAMES[entry.event_type] ?? entry.event_type,
      at: entry.at,
      relatedDecisionId: optionalText(entry.related_decision_id),
      relatedReference: entry.related_decision_id ? references.get(entry.related_decision_id) : undefined,
      reason: optionalText(entry.reason),
      changes: optionalText(entry.changes),
    }));
    const link = (entry: HistoryEntryView): ChangeLinkView => ({
      decisionId: entry.relatedDecisionId ?? '',
      reference: entry.relatedReference,
      reason: entry.reason ?? '',
      changes: entry.changes,
      at: entry.at,
    });
    const earlier = (change: ChangeGiven | null): ChangeLinkView | undefined =>
      change ? { ...change, reference: references.get(change.decisionId) } : undefined;
    const supersession = history.find((entry) => entry.event === 'superseded');
    return {
      ...decisionSummary(row),
      reasons: row.reasons,
      alternativesRejected: row.alternatives_rejected,
      interestsDeclared: row.interests_declared,
      citations: await citationsNow(tenantId, row.voice_evidence.contributions ?? [], this.citedViews),
      amends: earlier(row.amends),
      supersedes: earlier(row.supersedes),
      amendedBy: history.filter((entry) => entry.event === 'amended').map(link),
      supersededByDecision: supersession ? link(supersession) : undefined,
      history,
    };
  }

  /** The short references of the decisions this one names (earlier or later), read from the register. */
  private async referencesOf(
    tables: Record<string, string>,
    tenantId: string,
    ids: ReadonlyArray<string | null | undefined>,
  ): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (!wanted.length) return new Map();
    const raw = await this.db
      .createQueryBuilder()
      .select('*')
      .from(tables[REGISTER.name]!, 't')
      .where('t.tenant_id = :tenantId AND t.decision_id IN (:...wanted)', { tenantId, wanted })
      .getRawMany<Record<string, unknown>>();
    return new Map(
      raw.map((r) => decodeRow(REGISTER, r)).map((r) => [r.decision_id, decisionReference(r.recorded_number)]),
    );
  }
}

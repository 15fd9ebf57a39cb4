import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeRow, table } from '#event-store';
import { AccessLog, type Caller } from '#identity/contracts';
import { NotFound } from '#platform';
import { INFLUENCES, type Influence } from '#board/contracts';
import { viewReference } from '#voice/contracts';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt, type InsightTables } from '../read-models-at.js';
import { CITATIONS, DECISIONS, VIEWS } from '../voice-influence.projection.js';
import { recordInsightRead } from '../record-insight-read.js';
import { availabilityOf, noteFor, sharedSummary, sharedWords, viewsNow, type ViewAvailability } from '../view-words.js';

export interface CitedView {
  readonly contributionId: string;
  /** Its short reference on staff pages, e.g. V-0123 (not for a view withheld for safeguarding). */
  readonly reference?: string;
  readonly availability: ViewAvailability;
  /** Why the board gave it this influence, in plain words. */
  readonly rationale: string;
  /** Only for a view not tabled at the decision's item: why the board considered it all the same. */
  readonly notTabledReason?: string;
  readonly themes: readonly string[];
  readonly sharing?: string;
  /** Only as its author allowed: absent for "summary only", withdrawn, erased or withheld views. */
  readonly words?: string;
  /** For a view shared "summary only": the moderator's summary, which the board reads instead. */
  readonly summary?: string;
  /** For a view that is no longer available: what to show instead of it. */
  readonly note?: string;
}

export interface DecisionInfluence {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly resolution: string;
  readonly themes: readonly string[];
  readonly recordedAt: string;
  readonly status: string;
  /** The views cited, grouped by how much they influenced the decision. */
  readonly influence: Record<Influence, CitedView[]>;
  /** When no views were cited: the reason the board recorded. */
  readonly noViewsReason?: string;
}

/** A decision's influence as the caller reads it: each view's words they read, and an auditor's read, are recorded. */
export class GetDecisionInfluence extends Query<DecisionInfluence> {
  constructor(
    readonly caller: Caller,
    readonly decisionId: string,
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetDecisionInfluence)
export class GetDecisionInfluenceHandler implements IQueryHandler<GetDecisionInfluence, DecisionInfluence> {
  constructor(
    private readonly at: InsightReadModelsAt,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller, decisionId, asAt }: GetDecisionInfluence): Promise<DecisionInfluence> {
    const found = await this.at.read(asAt, (tables) => readDecisionInfluence(tables, caller.tenantId, decisionId));
    if (!found) throw new NotFound('There is no such decision on your board (at that moment).');
    await recordInsightRead(this.accessLog, caller, 'decision', [decisionId], viewsWithWords(found));
    return found;
  }
}

/** A citation as the join below reads it (its contribution id as c_id: the view's own may be null). */
const CITED = table({
  name: 'cited',
  columns: {
    c_id: 'text',
    influence: 'text',
    rationale: 'text',
    not_tabled_reason: { type: 'text', nullable: true },
  },
  primaryKey: ['c_id'],
});

const isInfluence = (influence: string): influence is Influence => INFLUENCES.some((known) => known === influence);

/** Two indexed reads: the decision by key, its citations joined to their views. */
export async function readDecisionInfluence(
  tables: InsightTables | undefined,
  tenantId: string,
  decisionId: string,
): Promise<DecisionInfluence | undefined> {
  if (!tables) return undefined;
  const { db, t } = tables;
  const raw = await db
    .createQueryBuilder()
    .select('*')
    .from(t[DECISIONS.name]!, 'd')
    .where('d.tenant_id = :tenantId AND d.decision_id = :decisionId', { tenantId, decisionId })
    .getRawOne<Record<string, unknown>>();
  if (!raw) return undefined;
  const decision = decodeRow(DECISIONS, raw);
  const cited = await db
    .createQueryBuilder()
    .select([
      'c.contribution_id AS c_id',
      'c.influence AS influence',
      'c.rationale AS rationale',
      'c.not_tabled_reason AS not_tabled_reason',
    ])
    .addSelect([
      'v.contribution_id AS contribution_id',
      'v.arrival AS arrival',
      'v.state AS state',
      'v.sharing AS sharing',
      'v.themes AS themes',
      'v.words AS words',
      'v.summary AS summary',
      'v.summary_state AS summary_state',
    ])
    .from(t[CITATIONS.name]!, 'c')
    .leftJoin(t[VIEWS.name]!, 'v', 'v.tenant_id = c.tenant_id AND v.contribution_id = c.contribution_id')
    .where('c.tenant_id = :tenantId AND c.decision_id = :decisionId', { tenantId, decisionId })
    .orderBy('c.contribution_id')
    .getRawMany<Record<string, unknown>>()
    // A citation whose view the projection no longer holds (erased) joins to nulls: it has no view row.
    .then((raw) =>
      raw.map((row) => ({
        citation: decodeRow(CITED, row),
        view: row.contribution_id === null ? undefined : decodeRow(VIEWS, row),
      })),
    );
  const influence = Object.fromEntries(INFLUENCES.map((i) => [i, [] as CitedView[]])) as Record<Influence, CitedView[]>;
  const then = new Map(cited.flatMap(({ citation, view }) => (view ? [[citation.c_id, view] as const] : [])));
  const now = await viewsNow(tables, tenantId, [...then.keys()], then);
  for (const { citation } of cited) {
    const view = then.get(citation.c_id);
    const availability = availabilityOf(view);
    const viewNow = now.get(citation.c_id);
    if (!isInfluence(citation.influence)) continue;
    influence[citation.influence].push({
      contributionId: citation.c_id,
      ...(view && availability !== 'withheld' ? { reference: viewReference(view.arrival) } : {}),
      availability,
      rationale: citation.rationale,
      notTabledReason: citation.not_tabled_reason ?? undefined,
      themes: availability === 'withheld' ? [] : (view?.themes ?? []),
      sharing: availability === 'available' ? view?.sharing : undefined,
      words: sharedWords(view, viewNow),
      summary: sharedSummary(view, viewNow),
      note: noteFor(view, viewNow),
    });
  }
  return {
    decisionId,
    meetingId: decision.meeting_id,
    itemId: decision.item_id,
    resolution: decision.resolution,
    themes: decision.themes,
    recordedAt: decision.recorded_at,
    status: decision.status,
    influence,
    noViewsReason: decision.none_applied_reason ?? undefined,
  };
}

/** The views whose words (or summary of them) a response shows (for the access log). */
export function viewsWithWords(influence: DecisionInfluence): string[] {
  return Object.values(influence.influence)
    .flat()
    .filter((v) => v.words !== undefined || v.summary !== undefined)
    .map((v) => v.contributionId);
}

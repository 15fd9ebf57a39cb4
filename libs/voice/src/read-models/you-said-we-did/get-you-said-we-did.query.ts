import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ProjectionTable } from '#event-store';
import { projectedRows, type Where } from '../projected-rows.js';
import { anonymise } from '../../contracts/anonymisation.js';
import { Clock, londonDateOf } from '#platform';
import { BoardOutcomes } from '../board-outcomes/board-outcomes.reader.js';
import { decisionOutcome } from '../board-outcomes/outcome-words.js';
import type { SharedViewResponse, WeDidDecisionResponse, YouSaidWeDidEntryResponse } from './you-said-we-did.dto.js';
import { weDidDecision } from './we-did.js';
import {
  publicViewState,
  YSWD_ANSWERS,
  YSWD_FEEDBACK,
  YSWD_VIEWS,
  youSaidWeDidProjection,
  type FeedbackRow,
  type PublicViewRow,
} from './you-said-we-did.projection.js';

/** One board's "You said, we did" list, newest first. */
export class GetYouSaidWeDid extends Query<YouSaidWeDidEntryResponse[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

// Bound parameters per IN (...) list: well under SQLite's and PostgreSQL's limits.
const CHUNK = 500;

@Injectable()
@QueryHandler(GetYouSaidWeDid)
export class GetYouSaidWeDidHandler implements IQueryHandler<GetYouSaidWeDid, YouSaidWeDidEntryResponse[]> {
  constructor(
    private readonly db: DataSource,
    private readonly outcomes: BoardOutcomes,
    private readonly clock: Clock,
  ) {}

  async execute({ tenantId }: GetYouSaidWeDid): Promise<YouSaidWeDidEntryResponse[]> {
    const rows = <T extends ProjectionTable>(
      table: T,
      where: Where | undefined,
      order: readonly (keyof T['columns'] & string)[],
    ) => projectedRows(this.db, youSaidWeDidProjection, table, tenantId, where, order);
    const feedback = (await rows(YSWD_FEEDBACK, undefined, ['position'])).reverse();
    const answers = await rows(YSWD_ANSWERS, undefined, ['feedback_id', 'contribution_id']);
    const ids = [...new Set(answers.map((a) => a.contribution_id))];
    const views = new Map<string, PublicViewRow>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const where = { sql: 't.contribution_id IN (:...ids)', params: { ids: ids.slice(i, i + CHUNK) } };
      for (const view of await rows(YSWD_VIEWS, where, ['submitted_at', 'contribution_id'])) {
        views.set(view.contribution_id, view);
      }
    }
    const answered = new Map<string, PublicViewRow[]>();
    for (const answer of answers) {
      const view = views.get(answer.contribution_id);
      if (!view) continue;
      const list = answered.get(answer.feedback_id) ?? [];
      list.push(view);
      answered.set(answer.feedback_id, list);
    }
    const entries: Array<Omit<YouSaidWeDidEntryResponse, 'decisions'>> = [];
    for (const row of feedback) {
      const entry = toEntry(row, answered.get(row.feedback_id) ?? []);
      if (entry) entries.push(entry);
    }
    // Each "we did" links to what the board decided and how its actions are going.
    const weDid = await this.weDid(
      tenantId,
      entries.flatMap((entry) => entry.decisionIds),
    );
    return entries.map((entry) => ({
      ...entry,
      decisions: entry.decisionIds.flatMap((id) => {
        const found = weDid.get(id);
        return found ? [found] : [];
      }),
    }));
  }

  /** The decisions answers point to, in short (none taken in private), by id. */
  private async weDid(tenantId: string, decisionIds: readonly string[]): Promise<Map<string, WeDidDecisionResponse>> {
    const decisions = await this.outcomes.decisions(tenantId, decisionIds);
    const meetings = await this.outcomes.meetings(
      tenantId,
      [...decisions.values()].map((d) => d.meeting_id),
    );
    const actions = await this.outcomes.actionsOf(tenantId, [...decisions.keys()]);
    const today = londonDateOf(this.clock.now().toISOString());
    const found = new Map<string, WeDidDecisionResponse>();
    for (const [id, decision] of decisions) {
      const meeting = meetings.get(decision.meeting_id);
      const outcome = decisionOutcome(
        decision,
        meeting,
        actions.filter((a) => a.decision_id === id),
        today,
      );
      if (outcome.private) continue;
      found.set(id, weDidDecision(outcome));
    }
    return found;
  }
}

/**
 * A view taken back or erased leaves the list (and a response left answering none leaves with it). A
 * view withheld for safeguarding since still counts, but shows no words and adds no theme: to the
 * public it looks like any view shared as a summary only, so the list never tells that it was withheld.
 */
function toEntry(
  row: FeedbackRow,
  answeredViews: readonly PublicViewRow[],
): Omit<YouSaidWeDidEntryResponse, 'decisions'> | undefined {
  const standing = answeredViews
    .filter((view) => !['withdrawn', 'erased'].includes(view.state))
    .sort((a, b) => a.submitted_at.localeCompare(b.submitted_at) || a.contribution_id.localeCompare(b.contribution_id));
  if (standing.length === 0) return undefined;
  const current = standing.filter((view) => publicViewState(view) === 'current');
  const themes = [...new Set(current.flatMap((view) => view.themes))].sort();
  const shared: SharedViewResponse[] = [];
  for (const view of current) {
    if (view.words === null || !view.accepted) continue;
    if (view.sharing === 'verbatim') shared.push({ sharing: 'verbatim', words: view.words });
    if (view.sharing === 'anonymised') shared.push({ sharing: 'anonymised', words: anonymise(view.words).text });
  }
  return {
    id: publicId(row.tenant_id, row.feedback_id),
    text: row.text,
    givenAt: row.given_at,
    decisionIds: row.decision_ids,
    actionIds: row.action_ids,
    themes,
    views: standing.length,
    shared,
  };
}

// The feedback id carries the staff request's idempotency key: the public sees a digest of it instead.
function publicId(tenantId: string, feedbackId: string): string {
  return createHash('sha256').update(`${tenantId}/${feedbackId}`).digest('hex').slice(0, 20);
}

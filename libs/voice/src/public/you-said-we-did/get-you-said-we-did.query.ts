import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Row } from '#event-store';
import { projectedRows } from '../../staff/contribution-status/contribution-status.rows.js';
import { anonymise } from '../../contracts/anonymisation.js';
import type { SharedViewResponse, YouSaidWeDidEntryResponse } from './you-said-we-did.dto.js';
import {
  YSWD_ANSWERS,
  YSWD_FEEDBACK,
  YSWD_VIEWS,
  youSaidWeDidProjection,
  type PublicViewState,
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
  constructor(private readonly db: DataSource) {}

  async execute({ tenantId }: GetYouSaidWeDid): Promise<YouSaidWeDidEntryResponse[]> {
    const rows = (table: string, where?: { sql: string; params: Record<string, unknown> }, order = ['position']) =>
      projectedRows(this.db, youSaidWeDidProjection, table, tenantId, where, order);
    const feedback = (await rows(YSWD_FEEDBACK)).reverse();
    const answers = await rows(YSWD_ANSWERS, undefined, ['feedback_id', 'contribution_id']);
    const ids = [...new Set(answers.map((a) => String(a.contribution_id)))];
    const views = new Map<string, Row>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const where = { sql: 't.contribution_id IN (:...ids)', params: { ids: ids.slice(i, i + CHUNK) } };
      for (const view of await rows(YSWD_VIEWS, where, ['submitted_at', 'contribution_id'])) {
        views.set(String(view.contribution_id), view);
      }
    }
    const answered = new Map<string, Row[]>();
    for (const answer of answers) {
      const view = views.get(String(answer.contribution_id));
      if (!view) continue;
      const list = answered.get(String(answer.feedback_id)) ?? [];
      list.push(view);
      answered.set(String(answer.feedback_id), list);
    }
    const entries: YouSaidWeDidEntryResponse[] = [];
    for (const row of feedback) {
      const entry = toEntry(row, answered.get(String(row.feedback_id)) ?? []);
      if (entry) entries.push(entry);
    }
    return entries;
  }
}

/**
 * A view taken back or erased leaves the list (and a response left answering none leaves with it). A
 * view withheld for safeguarding since still counts, but shows no words and adds no theme: to the
 * public it looks like any view shared as a summary only, so the list never tells that it was withheld.
 */
function toEntry(row: Row, answeredViews: readonly Row[]): YouSaidWeDidEntryResponse | undefined {
  const standing = answeredViews
    .filter((view) => !['withdrawn', 'erased'].includes(String(view.state)))
    .sort(
      (a, b) =>
        String(a.submitted_at).localeCompare(String(b.submitted_at)) ||
        String(a.contribution_id).localeCompare(String(b.contribution_id)),
    );
  if (standing.length === 0) return undefined;
  const current = standing.filter((view) => (view.state as PublicViewState) === 'current');
  const themes = [...new Set(current.flatMap((view) => view.themes as string[]))].sort();
  const shared: SharedViewResponse[] = [];
  for (const view of current) {
    if (typeof view.words !== 'string' || view.accepted !== true) continue;
    if (view.sharing === 'verbatim') shared.push({ sharing: 'verbatim', words: view.words });
    if (view.sharing === 'anonymised') shared.push({ sharing: 'anonymised', words: anonymise(view.words).text });
  }
  return {
    id: publicId(String(row.tenant_id), String(row.feedback_id)),
    text: String(row.text),
    givenAt: String(row.given_at),
    decisionIds: row.decision_ids as string[],
    actionIds: row.action_ids as string[],
    themes,
    views: standing.length,
    shared,
  };
}

// The feedback id carries the staff request's idempotency key: the public sees a digest of it instead.
function publicId(tenantId: string, feedbackId: string): string {
  return createHash('sha256').update(`${tenantId}/${feedbackId}`).digest('hex').slice(0, 20);
}

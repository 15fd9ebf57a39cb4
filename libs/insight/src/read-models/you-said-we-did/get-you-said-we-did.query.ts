import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '#platform';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt, type InsightTables } from '../read-models-at.js';
import { ACTIONS, CITATIONS, DECISIONS, VIEWS } from '../voice-influence.projection.js';
import { rowsOf, type Period } from '../insight-rows.js';
import { availabilityOf, sharedSummary, sharedWords, viewsNow } from '../view-words.js';

const QUOTES_PER_THEME = 3;

export interface ThemeStory {
  readonly theme: string;
  /** What young people said: views given in the period (withheld ones are never counted by theme). */
  readonly views: number;
  readonly answered: number;
  /** Still waiting for an answer from the board. */
  readonly open: number;
  /** A few of the views' words, newest first, only from authors who agreed to share them. */
  readonly quotes: readonly { contributionId: string; words: string }[];
  /** And a few summaries, newest first, of views shared "summary only": what the board reads of them. */
  readonly summaries: readonly { contributionId: string; summary: string }[];
  /** What the board decided: decisions citing these views. */
  readonly decisions: readonly { decisionId: string; resolution: string; recordedAt: string }[];
  /** And did: the actions those decisions set. */
  readonly actions: {
    readonly open: number;
    readonly overdue: number;
    readonly completed: number;
    readonly cancelled: number;
  };
}

export interface YouSaidWeDid {
  readonly period: Period;
  readonly themes: readonly ThemeStory[];
}

export class GetYouSaidWeDid extends Query<YouSaidWeDid> {
  constructor(
    readonly tenantId: string,
    readonly period: Period = {},
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetYouSaidWeDid)
export class GetYouSaidWeDidHandler implements IQueryHandler<GetYouSaidWeDid, YouSaidWeDid> {
  constructor(
    private readonly at: InsightReadModelsAt,
    private readonly clock: Clock,
  ) {}

  execute({ tenantId, period, asAt }: GetYouSaidWeDid): Promise<YouSaidWeDid> {
    const today = londonToday(asAt, this.clock.now());
    return this.at.read(asAt, (tables) => readYouSaidWeDid(tables, tenantId, period, today));
  }
}

export function londonToday(asAt: AsAt | undefined, now: Date): string {
  const moment = asAt && 'recordedAt' in asAt ? asAt.recordedAt : now;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(moment);
}

/** By theme: what young people said in the period, what the board decided and did, what is still open. */
export async function readYouSaidWeDid(
  tables: InsightTables | undefined,
  tenantId: string,
  period: Period,
  today: string,
): Promise<YouSaidWeDid> {
  if (!tables) return { period, themes: [] };
  // Withheld views add no theme; declined ones (spam, abuse, off topic, a repeat) never reached the board.
  const views = (await rowsOf(tables, VIEWS, tenantId, {}, { column: 'submitted_at', ...period })).filter(
    (v) => availabilityOf(v) !== 'withheld' && availabilityOf(v) !== 'declined',
  );
  const citations = await rowsOf(tables, CITATIONS, tenantId);
  const decisions = new Map((await rowsOf(tables, DECISIONS, tenantId)).map((d) => [d.decision_id, d]));
  const actions = await rowsOf(tables, ACTIONS, tenantId);
  const ids = views.map((v) => v.contribution_id);
  const now = await viewsNow(tables, tenantId, ids, new Map(views.map((v) => [v.contribution_id, v])));
  const citingByView = new Map<string, string[]>();
  for (const c of citations) {
    const list = citingByView.get(c.contribution_id) ?? [];
    list.push(c.decision_id);
    citingByView.set(c.contribution_id, list);
  }
  const themes = new Map<string, typeof views>();
  for (const view of views) {
    for (const theme of view.themes) themes.set(theme, [...(themes.get(theme) ?? []), view]);
  }
  const stories: ThemeStory[] = [];
  for (const [theme, themed] of [...themes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const decisionIds = new Set(themed.flatMap((v) => citingByView.get(v.contribution_id) ?? []));
    const themeActions = actions.filter((a) => decisionIds.has(a.decision_id));
    const answered = themed.filter((v) => v.first_feedback_at !== null).length;
    const quotes = themed
      .map((v) => ({
        contributionId: v.contribution_id,
        words: sharedWords(v, now.get(v.contribution_id)),
        at: v.submitted_at,
      }))
      .filter((q): q is { contributionId: string; words: string; at: string } => q.words !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, QUOTES_PER_THEME)
      .map(({ contributionId, words }) => ({ contributionId, words }));
    const summaries = themed
      .map((v) => ({
        contributionId: v.contribution_id,
        summary: sharedSummary(v, now.get(v.contribution_id)),
        at: v.submitted_at,
      }))
      .filter((q): q is { contributionId: string; summary: string; at: string } => q.summary !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, QUOTES_PER_THEME)
      .map(({ contributionId, summary }) => ({ contributionId, summary }));
    stories.push({
      theme,
      views: themed.length,
      answered,
      // Withdrawn and erased views wait for nothing.
      open: themed.filter(
        (v) => v.first_feedback_at === null && availabilityOf(v) !== 'withdrawn' && availabilityOf(v) !== 'erased',
      ).length,
      quotes,
      summaries,
      decisions: [...decisionIds]
        .map((id) => decisions.get(id))
        .filter((d) => d !== undefined)
        .map((d) => ({ decisionId: d.decision_id, resolution: d.resolution, recordedAt: d.recorded_at }))
        .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
      actions: {
        open: themeActions.filter((a) => a.status === 'open').length,
        overdue: themeActions.filter((a) => a.status === 'open' && a.due_on < today).length,
        completed: themeActions.filter((a) => a.status === 'completed').length,
        cancelled: themeActions.filter((a) => a.status === 'cancelled').length,
      },
    });
  }
  return { period, themes: stories };
}

/** The views whose words (or summary of them) a response shows (for the access log). */
export function quotedViews(story: YouSaidWeDid): string[] {
  return story.themes.flatMap((t) => [
    ...t.quotes.map((q) => q.contributionId),
    ...t.summaries.map((q) => q.contributionId),
  ]);
}

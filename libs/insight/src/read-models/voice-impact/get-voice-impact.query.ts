import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Clock } from '#platform';
import type { AsAt } from '#event-store';
import { InsightReadModelsAt, type InsightTables } from '../read-models-at.js';
import { ACTIONS, CITATIONS, DECISIONS, FEEDBACK, VIEWS } from '../voice-influence.projection.js';
import { daysBetween, median, rowsOf, type Period } from '../insight-rows.js';
import { availabilityOf } from '../view-words.js';
import { londonToday } from '../you-said-we-did/get-you-said-we-did.query.js';

export interface VoiceImpact {
  readonly period: Period;
  readonly asOf: string;
  readonly decisions: { readonly total: number; readonly withVoiceEvidence: number; readonly share: number | null };
  /** Views accepted for the board and not yet answered, and for how long they have waited. */
  readonly waiting: { readonly count: number; readonly medianDays: number | null; readonly longestDays: number | null };
  /** From a view being given to its first feedback, for views answered in the period. */
  readonly medianDaysToFeedback: number | null;
  /** Themes young people raised in the period that no decision cited and no feedback answered with a decision or action. */
  readonly themesNeverActedOn: readonly string[];
  readonly overdueActions: number;
  /** Views withheld for safeguarding: a count, never more. */
  readonly withheld: number;
  readonly series: ImpactSeries;
}

/** The figures behind the charts, month by month (YYYY-MM). */
export interface ImpactSeries {
  readonly viewsByThemeAndMonth: readonly { month: string; theme: string; views: number }[];
  readonly decisionsByMonth: readonly { month: string; withVoice: number; without: number }[];
  readonly daysToFeedback: readonly number[];
}

export class GetVoiceImpact extends Query<VoiceImpact> {
  constructor(
    readonly tenantId: string,
    readonly period: Period = {},
    readonly asAt?: AsAt,
  ) {
    super();
  }
}

@Injectable()
@QueryHandler(GetVoiceImpact)
export class GetVoiceImpactHandler implements IQueryHandler<GetVoiceImpact, VoiceImpact> {
  constructor(
    private readonly at: InsightReadModelsAt,
    private readonly clock: Clock,
  ) {}

  execute({ tenantId, period, asAt }: GetVoiceImpact): Promise<VoiceImpact> {
    const now = asAt && 'recordedAt' in asAt ? asAt.recordedAt : this.clock.now();
    return this.at.read(asAt, (tables) => readVoiceImpact(tables, tenantId, period, now, londonToday(asAt, now)));
  }
}

export async function readVoiceImpact(
  tables: InsightTables | undefined,
  tenantId: string,
  period: Period,
  now: Date,
  today: string,
): Promise<VoiceImpact> {
  const asOf = now.toISOString();
  if (!tables) return emptyImpact(period, asOf);
  const views = await rowsOf(tables, VIEWS, tenantId, {}, { column: 'submitted_at', ...period });
  const decisions = await rowsOf(tables, DECISIONS, tenantId, {}, { column: 'recorded_at', ...period });
  const citations = await rowsOf(tables, CITATIONS, tenantId);
  const feedback = await rowsOf(tables, FEEDBACK, tenantId);
  const actions = await rowsOf(tables, ACTIONS, tenantId);

  const withVoice = decisions.filter((d) => d.cited > 0).length;
  // Withheld views are only counted; declined ones (spam, abuse, off topic, a repeat) never reached the board.
  const withheld = views.filter((v) => availabilityOf(v) === 'withheld').length;
  const visible = views.filter((v) => availabilityOf(v) !== 'withheld' && availabilityOf(v) !== 'declined');
  const waitingViews = visible.filter(
    (v) => availabilityOf(v) === 'available' && v.first_feedback_at === null && !v.closed,
  );
  const waits = waitingViews.map((v) => daysBetween(v.submitted_at, asOf));
  const daysToFeedback = visible.flatMap((v) =>
    v.first_feedback_at === null ? [] : [daysBetween(v.submitted_at, v.first_feedback_at)],
  );

  const citedViews = new Set(citations.map((c) => c.contribution_id));
  const actedViews = new Set(
    feedback.filter((f) => f.decision_ids.length > 0 || f.action_ids.length > 0).map((f) => f.contribution_id),
  );
  const raised = new Map<string, boolean>();
  for (const view of visible) {
    const acted = citedViews.has(view.contribution_id) || actedViews.has(view.contribution_id);
    for (const theme of view.themes) raised.set(theme, (raised.get(theme) ?? false) || acted);
  }

  return {
    period,
    asOf,
    decisions: {
      total: decisions.length,
      withVoiceEvidence: withVoice,
      share: decisions.length ? round(withVoice / decisions.length) : null,
    },
    waiting: {
      count: waitingViews.length,
      medianDays: median(waits) ?? null,
      longestDays: waits.length ? Math.max(...waits) : null,
    },
    medianDaysToFeedback: median(daysToFeedback) ?? null,
    themesNeverActedOn: [...raised.entries()]
      .filter(([, acted]) => !acted)
      .map(([theme]) => theme)
      .sort(),
    overdueActions: actions.filter((a) => a.status === 'open' && a.due_on < today).length,
    withheld,
    series: {
      viewsByThemeAndMonth: countBy(
        visible.flatMap((v) => v.themes.map((theme) => `${month(v.submitted_at)}|${theme}`)),
      ).map(([key, count]) => {
        const [m, theme] = key.split('|') as [string, string];
        return { month: m, theme, views: count };
      }),
      decisionsByMonth: [...new Set(decisions.map((d) => month(d.recorded_at)))].sort().map((m) => {
        const inMonth = decisions.filter((d) => month(d.recorded_at) === m);
        const voiced = inMonth.filter((d) => d.cited > 0).length;
        return { month: m, withVoice: voiced, without: inMonth.length - voiced };
      }),
      daysToFeedback: [...daysToFeedback].sort((a, b) => a - b),
    },
  };
}

const month = (instant: string): string => instant.slice(0, 7);
const round = (n: number): number => Math.round(n * 1000) / 1000;

function countBy(keys: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function emptyImpact(period: Period, asOf: string): VoiceImpact {
  return {
    period,
    asOf,
    decisions: { total: 0, withVoiceEvidence: 0, share: null },
    waiting: { count: 0, medianDays: null, longestDays: null },
    medianDaysToFeedback: null,
    themesNeverActedOn: [],
    overdueActions: 0,
    withheld: 0,
    series: { viewsByThemeAndMonth: [], decisionsByMonth: [], daysToFeedback: [] },
  };
}

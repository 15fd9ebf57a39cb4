import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity/contracts';
import { Clock } from '#platform';
import { anonymise, type RemovedKind } from '../../contracts/anonymisation.js';
import { statusRows } from '../contribution-status/contribution-status.rows.js';
import { moderationOfWaitingViews, type ViewModeration } from '../moderation-deadlines/moderation-deadlines.reader.js';

/** What an "anonymised" view will show, and each part the anonymiser took out. */
export interface AnonymisedPreview {
  readonly text: string;
  readonly removed: ReadonlyArray<{ readonly kind: RemovedKind; readonly text: string }>;
}

export interface QueuedView {
  readonly contributionId: string;
  readonly status: string;
  readonly text: string | null;
  /** The author's answer to a moderator's question, once given. */
  readonly answer: string | null;
  readonly themes: unknown;
  readonly target: unknown;
  readonly sharing: string;
  readonly late: boolean;
  readonly submittedAt: string;
  /**
   * For a view its author shares "anonymised": the words as everyone but the moderator will see them,
   * and what was taken out, so the moderator sees it before the board does. Null for other choices.
   */
  readonly anonymisedPreview: AnonymisedPreview | null;
  /**
   * When a person must have read it by (the board's moderation window), whether it is past that, how long
   * it has waited and whether the moderation lead was told. Null for a moment after it arrives.
   */
  readonly moderation: ViewModeration | null;
}

/** Views waiting for a moderator (new, or answered); escalated views are never here. */
export class GetModerationQueue extends Query<QueuedView[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(GetModerationQueue)
export class GetModerationQueueHandler implements IQueryHandler<GetModerationQueue, QueuedView[]> {
  constructor(
    private readonly db: DataSource,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ caller }: GetModerationQueue): Promise<QueuedView[]> {
    const rows = await statusRows(this.db, caller.tenantId, {
      sql: "t.status IN ('submitted', 'answered')",
      params: {},
    });
    const deadlines = await moderationOfWaitingViews(this.db, caller.tenantId, this.clock.now().toISOString());
    const queue = rows
      // Belt and braces: the status already excludes escalated views.
      .filter((row) => !row.escalated)
      .map((row): QueuedView => ({
        contributionId: row.contribution_id,
        status: row.status,
        text: row.text,
        answer: row.answer_text,
        themes: row.themes,
        target: row.target,
        sharing: row.sharing,
        late: row.late,
        submittedAt: row.submitted_at,
        anonymisedPreview: row.sharing === 'anonymised' && row.text !== null ? preview(row.text) : null,
        moderation: deadlines.get(row.contribution_id) ?? null,
      }))
      // Views past their window first (longest overdue first); the rest stay oldest first.
      .sort(overdueFirst);
    // Every staff read of a child's words is recorded, before the words leave.
    await this.accessLog.record(
      caller,
      'read-contribution-text',
      'contribution',
      queue.map((view) => view.contributionId),
    );
    return queue;
  }
}

function overdueFirst(a: QueuedView, b: QueuedView): number {
  const rank = (view: QueuedView) =>
    view.moderation?.overdue ? Date.parse(view.moderation.dueBy) : Number.POSITIVE_INFINITY;
  const [x, y] = [rank(a), rank(b)];
  return x === y ? 0 : x < y ? -1 : 1;
}

function preview(words: string): AnonymisedPreview {
  const { text, removed } = anonymise(words);
  return { text, removed: removed.map((span) => ({ kind: span.kind, text: span.text })) };
}

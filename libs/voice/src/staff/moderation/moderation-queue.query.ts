import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity';
import { statusRows } from '../contribution-status/contribution-status.rows.js';

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
  ) {}

  async execute({ caller }: GetModerationQueue): Promise<QueuedView[]> {
    const rows = await statusRows(this.db, caller.tenantId, {
      sql: "t.status IN ('submitted', 'answered')",
      params: {},
    });
    const queue = rows
      // Belt and braces: the status already excludes escalated views.
      .filter((row) => row.escalated !== true)
      .map((row) => ({
        contributionId: String(row.contribution_id),
        status: String(row.status),
        text: row.text === null ? null : String(row.text),
        answer: row.answer_text === null ? null : String(row.answer_text),
        themes: row.themes,
        target: row.target,
        sharing: String(row.sharing),
        late: row.late === true,
        submittedAt: String(row.submitted_at),
      }));
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

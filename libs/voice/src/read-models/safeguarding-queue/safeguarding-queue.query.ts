import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity/contracts';
import { Clock } from '#platform';
import { initialSafeguardingCaseState, isOverdue, type SafeguardingCaseState } from '../../domain/index.js';
import { oneOf } from '#event-store';
import { statusRows } from '../contribution-status/contribution-status.rows.js';
import { projectedRows } from '../projected-rows.js';
import {
  SAFEGUARDING_CASES_TABLE,
  safeguardingCasesProjection,
  type SafeguardingCaseRow,
} from './safeguarding-cases.projection.js';

export interface SafeguardingCaseView {
  readonly caseId: string;
  readonly status: string;
  readonly namedLead: string;
  /** Null: the board had a single safeguarding lead when the case opened; it stays with them. */
  readonly deputy: string | null;
  readonly dueBy: string;
  readonly overdue: boolean;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  /** When the deadline passed unacknowledged and the case went to the deputy. */
  readonly escalatedToDeputyAt: string | null;
  readonly outcome: string | null;
}

export interface WithheldView {
  readonly contributionId: string;
  /** Where the view stands for its author (escalated, or withdrawn / erased after escalation). */
  readonly status: string;
  readonly raisedBy: string | null;
  readonly categories: unknown;
  readonly escalatedAt: string | null;
  /** Null once erased. */
  readonly text: string | null;
  readonly answer: string | null;
  /** Null until the case opener has opened it. */
  readonly case: SafeguardingCaseView | null;
}

/** Every view withheld for safeguarding, with its words and its case: for the safeguarding lead only. */
export class GetSafeguardingQueue extends Query<WithheldView[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(GetSafeguardingQueue)
export class GetSafeguardingQueueHandler implements IQueryHandler<GetSafeguardingQueue, WithheldView[]> {
  constructor(
    private readonly db: DataSource,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute({ caller }: GetSafeguardingQueue): Promise<WithheldView[]> {
    const now = this.clock.now().toISOString();
    const views = await statusRows(this.db, caller.tenantId, { sql: 't.escalated = true', params: {} });
    const cases = await projectedRows(
      this.db,
      safeguardingCasesProjection,
      SAFEGUARDING_CASES_TABLE,
      caller.tenantId,
      undefined,
      ['opened_at', 'case_id'],
    );
    const caseOf = new Map(cases.map((row) => [row.contribution_id, row]));
    const queue = views.map((row): WithheldView => {
      const c = caseOf.get(row.contribution_id);
      return {
        contributionId: row.contribution_id,
        status: row.status,
        raisedBy: row.escalation_reason,
        categories: row.escalation_categories ?? [],
        escalatedAt: row.escalated_at,
        text: row.text,
        answer: row.answer_text,
        case: c ? caseView(c, now) : null,
      };
    });
    await this.accessLog.record(
      caller,
      'read-contribution-text',
      'contribution',
      queue.filter((view) => view.text !== null || view.answer !== null).map((view) => view.contributionId),
    );
    return queue;
  }
}

function caseView(row: SafeguardingCaseRow, now: string): SafeguardingCaseView {
  const state: SafeguardingCaseState = {
    ...initialSafeguardingCaseState(),
    status: oneOf(['open', 'closed'], row.status) ?? 'none',
    dueBy: row.due_by,
    ...(row.acknowledged_by ? { acknowledged: { by: row.acknowledged_by, at: row.acknowledged_at ?? '' } } : {}),
  };
  return {
    caseId: row.case_id,
    status: row.status,
    namedLead: row.named_lead,
    deputy: row.deputy,
    dueBy: row.due_by,
    overdue: isOverdue(state, now),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    escalatedToDeputyAt: row.escalated_to_deputy_at,
    outcome: row.outcome,
  };
}

import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity/contracts';
import { needsSummary } from '../../domain/index.js';
import type { ContributionStatusRow } from '../contribution-status/contribution-status.projection.js';
import { stateOfRow, statusRows } from '../contribution-status/contribution-status.rows.js';

/** A view shared "summary only" that the board cannot read until a moderator (re)writes its summary. */
export interface SummaryToWrite {
  readonly contributionId: string;
  readonly status: string;
  readonly themes: readonly string[];
  readonly sharing: string;
  readonly submittedAt: string;
  /** The words as given (and the redacted version, if redacted): what the summary is of. Access-logged. */
  readonly text: string | null;
  readonly redactedText: string | null;
  /** The latest summary, if one was written and its author asked for a change. */
  readonly summary: {
    readonly version: number;
    readonly text: string | null;
    readonly writtenAt: string | null;
    readonly changeRequested: boolean;
    /** What the author said about it, in their words. */
    readonly message: string | null;
  } | null;
}

/**
 * Accepted views shared "summary only" with no current summary (none written, or its author asked for
 * a change), oldest first: the moderator's list of summaries to write. Withheld, declined, withdrawn and
 * erased views are never here.
 */
export class GetSummariesToWrite extends Query<SummaryToWrite[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(GetSummariesToWrite)
export class GetSummariesToWriteHandler implements IQueryHandler<GetSummariesToWrite, SummaryToWrite[]> {
  constructor(
    private readonly db: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller }: GetSummariesToWrite): Promise<SummaryToWrite[]> {
    const rows = await statusRows(this.db, caller.tenantId, {
      sql:
        "t.status IN ('accepted', 'tabled', 'considered', 'responded', 'closed') AND t.escalated = false" +
        " AND t.sharing = 'summary-only'",
      params: {},
    });
    const views = rows.filter((row) => needsSummary(stateOfRow(row))).map(toWrite);
    // Every staff read of a child's words (and of a summary of them) is recorded, before they leave.
    await this.accessLog.record(
      caller,
      'read-contribution-text',
      'contribution',
      views.map((view) => view.contributionId),
    );
    return views;
  }
}

function toWrite(row: ContributionStatusRow): SummaryToWrite {
  const version = row.summary_version;
  return {
    contributionId: row.contribution_id,
    status: row.status,
    themes: row.themes,
    sharing: row.sharing,
    submittedAt: row.submitted_at,
    text: row.text,
    redactedText: row.redacted_text,
    summary:
      version === 0
        ? null
        : {
            version,
            text: row.summary,
            writtenAt: row.summary_at,
            changeRequested: row.summary_response === 'change-requested',
            message: row.summary_message,
          },
  };
}

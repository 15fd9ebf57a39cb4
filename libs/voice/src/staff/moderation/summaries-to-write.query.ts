import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity';
import type { Row } from '#event-store';
import { needsSummary } from '../../domain/index.js';
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

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function toWrite(row: Row): SummaryToWrite {
  const version = Number(row.summary_version ?? 0);
  return {
    contributionId: String(row.contribution_id),
    status: String(row.status),
    themes: Array.isArray(row.themes) ? row.themes.map(String) : [],
    sharing: String(row.sharing),
    submittedAt: String(row.submitted_at),
    text: textOf(row.text),
    redactedText: textOf(row.redacted_text),
    summary:
      version === 0
        ? null
        : {
            version,
            text: textOf(row.summary),
            writtenAt: textOf(row.summary_at),
            changeRequested: row.summary_response === 'change-requested',
            message: textOf(row.summary_message),
          },
  };
}

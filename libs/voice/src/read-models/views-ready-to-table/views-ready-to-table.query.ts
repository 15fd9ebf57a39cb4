import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AccessLog, type Caller } from '#identity/contracts';
import { needsSummary } from '../../domain/index.js';
import type { ContributionStatusRow } from '../contribution-status/contribution-status.projection.js';
import { stateOfRow, statusRows } from '../contribution-status/contribution-status.rows.js';
import { anonymise } from '../../contracts/anonymisation.js';
import { viewReference } from '../../contracts/view-reference.js';

export interface ViewReadyToTable {
  readonly contributionId: string;
  /** Its short reference on staff pages, e.g. V-0123. */
  readonly reference: string;
  readonly themes: readonly string[];
  /** What the view is about: none, a call, a meeting or an agenda item. */
  readonly target: unknown;
  readonly sharing: string;
  readonly late: boolean;
  readonly submittedAt: string;
  /** The words as the board may read them (the redacted text, if redacted); none for "summary only". */
  readonly words?: string;
  /** For "summary only": the moderator's current summary, which the board reads instead of the words. */
  readonly summary?: string;
  /** "Summary only" without a current summary: not to be tabled until a moderator writes one. */
  readonly needsSummary: boolean;
}

/**
 * Accepted views not yet tabled anywhere, oldest first: what the clerk can put before the board.
 * Withdrawn, erased and withheld views are never here.
 */
export class GetViewsReadyToTable extends Query<ViewReadyToTable[]> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(GetViewsReadyToTable)
export class GetViewsReadyToTableHandler implements IQueryHandler<GetViewsReadyToTable, ViewReadyToTable[]> {
  constructor(
    private readonly db: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller }: GetViewsReadyToTable): Promise<ViewReadyToTable[]> {
    const rows = await statusRows(this.db, caller.tenantId, {
      sql: "t.status = 'accepted' AND t.escalated = false AND t.withdrawn = false AND t.erased = false",
      params: {},
    });
    const views = rows.map(readyView);
    const read = views
      .filter((view) => view.words !== undefined || view.summary !== undefined)
      .map((view) => view.contributionId);
    // Every staff read of a child's words (or of the summary of them) is recorded, before they leave.
    if (read.length > 0) await this.accessLog.record(caller, 'read-contribution-text', 'contribution', read);
    return views;
  }
}

function readyView(row: ContributionStatusRow): ViewReadyToTable {
  const sharing = row.sharing;
  const words = row.redacted_text ?? row.text;
  const waiting = needsSummary(stateOfRow(row));
  return {
    contributionId: row.contribution_id,
    reference: viewReference(row.arrival),
    themes: row.themes,
    target: row.target,
    sharing,
    late: row.late,
    submittedAt: row.submitted_at,
    // "Anonymised" means the board too reads the words with anything identifying taken out.
    ...(sharing !== 'summary-only' && words !== null
      ? { words: sharing === 'anonymised' ? anonymise(words).text : words }
      : {}),
    // The board reads the summary of a "summary only" view, never its words; a summary its author asked
    // to change is not shown as if it stood.
    ...(sharing === 'summary-only' && !waiting && row.summary !== null ? { summary: row.summary } : {}),
    needsSummary: waiting,
  };
}

import type { DataSource } from 'typeorm';
import { StaffDirectory } from '#identity/contracts';
import { isCalendarJurisdiction, londonDateOf, workingDaysBetween } from '#platform';
import { projectedRows } from '../projected-rows.js';
import {
  MODERATION_DEADLINES_TABLE,
  moderationDeadlinesProjection,
  type ModerationDeadlineRow,
} from './moderation-deadlines.projection.js';

/** Where a view waiting in the moderation queue stands against the board's window. */
export interface ViewModeration {
  /** 1 for the view itself; 2, 3, ... for its author's answers to a moderator's questions. */
  readonly round: number;
  readonly waitingSince: string;
  readonly dueBy: string;
  readonly windowWorkingDays: number;
  /** At or past dueBy with no one having read it. */
  readonly overdue: boolean;
  /** How long it has waited: whole days, and working days after the day it arrived. */
  readonly waited: { readonly days: number; readonly workingDays: number };
  /** Null until the deadline passed and the sweeper told the moderation lead. */
  readonly escalation: {
    readonly at: string;
    /** Null: the board had no moderator to name. */
    readonly lead: { readonly staffId: string; readonly name: string | null } | null;
  } | null;
}

export interface OverdueModeration {
  /** Views (or answers) waiting past the board's moderation window. */
  readonly overdue: number;
  /** Of those, how many the moderation lead has been told of. */
  readonly escalated: number;
  /** When the longest-waiting overdue view arrived; null with none overdue. */
  readonly oldestWaitingSince: string | null;
}

const DAY_MS = 86_400_000;

/** Deadline rows still waiting: one tenant's, or every tenant's (null) for the sweeper. */
export function waitingDeadlines(db: DataSource, tenantId: string | null): Promise<ModerationDeadlineRow[]> {
  return projectedRows(
    db,
    moderationDeadlinesProjection,
    MODERATION_DEADLINES_TABLE,
    tenantId,
    { sql: "t.status = 'waiting'", params: {} },
    ['due_by', 'contribution_id'],
  );
}

/** Each waiting view's deadline, by contribution id, as at `now`. */
export async function moderationOfWaitingViews(
  db: DataSource,
  tenantId: string,
  now: string,
): Promise<Map<string, ViewModeration>> {
  const rows = await waitingDeadlines(db, tenantId);
  const leads = rows.map((row) => row.escalated_to).filter((id) => id !== null);
  const names = await new StaffDirectory(db).names(tenantId, leads);
  return new Map(rows.map((row) => [row.contribution_id, viewModeration(row, now, names)]));
}

/** How many views of a tenant are past their window now (no words, no ids: a count for the staff home). */
export async function overdueModeration(db: DataSource, tenantId: string, now: string): Promise<OverdueModeration> {
  const overdue = (await waitingDeadlines(db, tenantId)).filter((row) => isPast(row, now));
  const oldest = overdue.map((row) => row.waiting_since).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    overdue: overdue.length,
    escalated: overdue.filter((row) => row.escalated_at !== null).length,
    oldestWaitingSince: oldest ?? null,
  };
}

export function isPast(row: ModerationDeadlineRow, now: string): boolean {
  return Date.parse(now) >= Date.parse(row.due_by);
}

function viewModeration(row: ModerationDeadlineRow, now: string, names: ReadonlyMap<string, string>): ViewModeration {
  const waitingSince = row.waiting_since;
  const jurisdiction = row.jurisdiction;
  const lead = row.escalated_to;
  return {
    round: row.round,
    waitingSince,
    dueBy: row.due_by,
    windowWorkingDays: row.window_working_days,
    overdue: isPast(row, now),
    waited: {
      days: Math.max(0, Math.floor((Date.parse(now) - Date.parse(waitingSince)) / DAY_MS)),
      workingDays: isCalendarJurisdiction(jurisdiction)
        ? workingDaysBetween(londonDateOf(waitingSince), londonDateOf(now), jurisdiction)
        : 0,
    },
    escalation:
      row.escalated_at === null
        ? null
        : {
            at: row.escalated_at,
            lead: lead === null ? null : { staffId: lead, name: names.get(lead) ?? null },
          },
  };
}

// What driveBoardYear takes and answers.
import type { NewEvent, SubjectKeyStore } from '#event-store';
import type { BoardYearFacts } from './board-year.facts.js';

/** The parts staff play in a board's year. */
export type StaffPart = 'clerk' | 'chair' | 'moderator' | 'lead' | 'deputy' | 'advocate' | 'participation' | 'dpo';

export interface BoardYearOptions {
  readonly tenantId: string;
  /** Starts every id, so several boards can share one event store. */
  readonly prefix: string;
  /** The first day of the year (default 2025-12-01); the year ends 364 days later. */
  readonly startOn?: string;
  /** Ordinary views given each month (default 6), besides the few special ones. */
  readonly viewsPerMonth?: number;
  readonly seed?: number;
  /**
   * The staff users who act in the year, by part (default: made-up ids). The demo gives its own users'
   * ids, so an auditor's history names who did what.
   */
  readonly staffIds?: Partial<Record<StaffPart, string>>;
  /** Hashes the receipt codes; give the application's pepper to let a test come back with a code. */
  readonly receiptPepper?: string;
  /** Where to destroy an erased author's key when `store` is not a ProtectedEventStore. */
  readonly keys?: Pick<SubjectKeyStore, 'destroy'>;
  /** Told of every append, in order, as handed to the store (plaintext): used to clone a year. */
  readonly onAppended?: (stream: string, events: readonly NewEvent[]) => void;
}

export interface BoardYear {
  readonly tenantId: string;
  readonly prefix: string;
  readonly startOn: string;
  /** The last day of the year, inclusive (= facts.asOf). */
  readonly endOn: string;
  readonly people: {
    readonly chair: string;
    readonly councillors: readonly string[];
    readonly officer: string;
    readonly youngPersonRepresentative: string;
    readonly substitute: string;
    readonly clerk: string;
    readonly moderator: string;
    readonly safeguardingLead: string;
    readonly safeguardingDeputy: string;
  };
  /** In date order. */
  readonly meetings: ReadonlyArray<{ readonly meetingId: string; readonly on: string; readonly itemIds: string[] }>;
  readonly call: { readonly callId: string; readonly meetingId: string; readonly itemId: string; closesOn: string };
  readonly decisions: {
    readonly all: string[];
    /** A substantive item noted with the reason no views applied. */
    noneApplied?: string;
    /** Amended at the next meeting by `amending`. */
    amended?: string;
    amending?: string;
    readonly minutesApprovals: string[];
  };
  readonly actions: {
    readonly all: string[];
    completedOnTime?: string;
    cancelled?: string;
    /** Open and past due on endOn. */
    overdue?: string;
  };
  readonly views: {
    readonly all: string[];
    flaggedByScreen?: string;
    escalatedByModerator?: string;
    questioned?: string;
    late?: string;
    /** Withdrawn by its author after a decision cited it. */
    withdrawnAfterCitation?: string;
    erased?: string;
    sharingChanged?: string;
    /** Shared "summary only": its author asked for the summary to be changed, and it was rewritten. */
    summaryRewritten?: string;
    /** Shared "summary only": its author agreed with the summary. */
    summaryAgreed?: string;
    readonly redacted: string[];
  };
  readonly safeguardingCases: string[];
  /** Each view's receipt code (canonical form), by contribution id: the young people's side of the test. */
  readonly receiptCodes: Record<string, string>;
  readonly facts: BoardYearFacts;
}

export const SCENARIO_RECEIPT_PEPPER = 'board-year-scenario-receipt-pepper';

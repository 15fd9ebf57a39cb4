// What the scenario did, counted while it drove the deciders (never recomputed from the events), so
// a read model's integration test can compare its answers against an independent tally.

export type ViewOutcome =
  | 'submitted'
  | 'question-asked'
  | 'accepted'
  | 'tabled'
  | 'considered'
  | 'responded'
  | 'closed'
  | 'withheld'
  | 'withdrawn'
  | 'erased';

export type InfluenceCount = Record<'shaped' | 'informed' | 'considered-not-adopted', number>;

/** One view as the scenario left it at the end of the year. */
export interface ViewRecord {
  readonly contributionId: string;
  readonly themes: readonly string[];
  readonly channel: string;
  /** As the author left it at the year's end (views.bySharing counts the choices made at submission). */
  sharing: string;
  readonly ageBand?: string;
  readonly submittedAt: string;
  readonly target: 'none' | 'call' | 'meeting' | 'agenda-item';
  readonly late: boolean;
  readonly onBehalf: boolean;
  outcome: ViewOutcome;
  /** Accepted by moderation (with or without redactions), at this instant. */
  acceptedAt?: string;
  redacted: boolean;
  /** Withheld for safeguarding: by the screen at submission, or by a moderator. */
  withheldBy?: 'screen' | 'moderator';
  tabledAt?: { meetingId: string; itemId: string; at: string };
  consideredAt?: string;
  /** Decisions citing it, with the influence each gave it. */
  citedBy: Array<{ decisionId: string; influence: string }>;
  feedback?: { feedbackId: string; at: string; days: number };
  withdrawnAt?: string;
  erasedAt?: string;
}

export interface DecisionRecord {
  readonly decisionId: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly at: string;
  readonly themes: readonly string[];
  readonly citations: number;
  readonly noneApplied: boolean;
  readonly procedural: boolean;
  amendedBy?: string;
  readonly amends?: string;
  readonly actionIds: string[];
}

export interface ActionRecord {
  readonly actionId: string;
  readonly decisionId: string;
  readonly assignedOn: string;
  readonly dueOn: string;
  status: 'open' | 'completed' | 'cancelled';
  completedOn?: string;
  cancelledOn?: string;
  progressNotes: number;
}

export interface BoardYearFacts {
  /** The last day of the scenario's year (inclusive): "overdue" and "waiting" are as of this day. */
  readonly asOf: string;
  readonly events: { total: number; byType: Record<string, number>; commands: number };
  readonly views: {
    submitted: number;
    byTheme: Record<string, number>;
    byChannel: Record<string, number>;
    bySharing: Record<string, number>;
    byAgeBand: Record<string, number>;
    onBehalf: number;
    toCall: number;
    late: number;
    accepted: number;
    acceptedWithRedactions: number;
    questionsAsked: number;
    questionsAnswered: number;
    /** Summaries written for views shared "summary only" (each version, rewrites included). */
    summarised: number;
    summariesAgreed: number;
    summaryChangesRequested: number;
    withheld: number;
    withheldByScreen: number;
    withheldByModerator: number;
    tabled: number;
    considered: number;
    cited: number;
    answered: number;
    closed: number;
    sharingChanged: number;
    withdrawn: number;
    erased: number;
    /** Accepted, still live (not withdrawn, erased) and never answered by the year's end. */
    waitingForAnswer: number;
    list: ViewRecord[];
  };
  readonly feedback: {
    /** Distinct responses (one feedbackId per group). */
    responses: number;
    /** Views answered (a view answered by one response counts once). */
    viewsAnswered: number;
    /** Days from each answered view's submission to its answer, in the order answered. */
    daysToFeedback: number[];
    medianDaysToFeedback: number | null;
  };
  readonly decisions: {
    total: number;
    withVoiceEvidence: number;
    noneApplied: number;
    /** Minutes approvals: procedural, no views apply. */
    procedural: number;
    amended: number;
    citations: number;
    citationsByInfluence: InfluenceCount;
    list: DecisionRecord[];
  };
  readonly actions: {
    assigned: number;
    open: number;
    completed: number;
    completedOnTime: number;
    cancelled: number;
    /** Open on `asOf` with a due date before it. */
    overdue: number;
    progressNotes: number;
    list: ActionRecord[];
  };
  readonly meetings: {
    scheduled: number;
    held: number;
    agendaItems: number;
    minutesApproved: number;
    minutesPublished: number;
  };
  readonly callsForViews: { opened: number; views: number; late: number };
  readonly safeguarding: {
    casesOpened: number;
    acknowledged: number;
    acknowledgedLate: number;
    escalatedToDeputy: number;
    outcomes: Record<string, number>;
  };
  keysDestroyed: number;
}

export function emptyFacts(asOf: string): BoardYearFacts {
  return {
    asOf,
    events: { total: 0, byType: {}, commands: 0 },
    views: {
      submitted: 0,
      byTheme: {},
      byChannel: {},
      bySharing: {},
      byAgeBand: {},
      onBehalf: 0,
      toCall: 0,
      late: 0,
      accepted: 0,
      acceptedWithRedactions: 0,
      questionsAsked: 0,
      questionsAnswered: 0,
      summarised: 0,
      summariesAgreed: 0,
      summaryChangesRequested: 0,
      withheld: 0,
      withheldByScreen: 0,
      withheldByModerator: 0,
      tabled: 0,
      considered: 0,
      cited: 0,
      answered: 0,
      closed: 0,
      sharingChanged: 0,
      withdrawn: 0,
      erased: 0,
      waitingForAnswer: 0,
      list: [],
    },
    feedback: { responses: 0, viewsAnswered: 0, daysToFeedback: [], medianDaysToFeedback: null },
    decisions: {
      total: 0,
      withVoiceEvidence: 0,
      noneApplied: 0,
      procedural: 0,
      amended: 0,
      citations: 0,
      citationsByInfluence: { shaped: 0, informed: 0, 'considered-not-adopted': 0 },
      list: [],
    },
    actions: {
      assigned: 0,
      open: 0,
      completed: 0,
      completedOnTime: 0,
      cancelled: 0,
      overdue: 0,
      progressNotes: 0,
      list: [],
    },
    meetings: { scheduled: 0, held: 0, agendaItems: 0, minutesApproved: 0, minutesPublished: 0 },
    callsForViews: { opened: 0, views: 0, late: 0 },
    safeguarding: { casesOpened: 0, acknowledged: 0, acknowledgedLate: 0, escalatedToDeputy: 0, outcomes: {} },
    keysDestroyed: 0,
  };
}

export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** The figures that depend on the year's end, filled in once the driving is done. */
export function closeTheBooks(facts: BoardYearFacts): void {
  const { views, actions, feedback } = facts;
  views.waitingForAnswer = views.list.filter(
    (v) => v.acceptedAt !== undefined && v.feedback === undefined && v.withdrawnAt === undefined && !v.erasedAt,
  ).length;
  actions.open = actions.list.filter((a) => a.status === 'open').length;
  actions.overdue = actionsOverdueOn(facts, facts.asOf).length;
  const days = [...feedback.daysToFeedback].sort((a, b) => a - b);
  const mid = Math.floor(days.length / 2);
  feedback.medianDaysToFeedback =
    days.length === 0 ? null : days.length % 2 === 1 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2;
}

/**
 * The actions overdue on a London date of the year: assigned by then, still open that day (not yet
 * completed or cancelled), and due before it.
 */
export function actionsOverdueOn(facts: BoardYearFacts, date: string): ActionRecord[] {
  return facts.actions.list.filter(
    (a) =>
      a.assignedOn <= date &&
      a.dueOn < date &&
      (a.completedOn === undefined || a.completedOn > date) &&
      (a.cancelledOn === undefined || a.cancelledOn > date),
  );
}

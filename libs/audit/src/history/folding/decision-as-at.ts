// A decision as it stood at a moment, folded from its own stream's events. It keeps the same state the
// board's decider keeps (status, cited views, amendments, superseded by) plus the content as recorded,
// which an auditor needs and the decider does not. Event types are matched as strings; the spec checks
// this fold against the board's own evolve so the two cannot drift apart unnoticed.

export interface FoldableEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface AmendmentThen {
  readonly byDecisionId: string;
  readonly reason: string;
  readonly changes: string;
}

export interface DecisionAsAt {
  readonly status: 'none' | 'recorded' | 'superseded';
  readonly decisionId: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly kind?: string;
  readonly recordedAt: string;
  readonly citedContributionIds: readonly string[];
  readonly amendments: readonly AmendmentThen[];
  readonly supersededBy?: string;
  /** DecisionRecorded's data as recorded (resolution, reasons, voice evidence...). */
  readonly content?: Readonly<Record<string, unknown>>;
}

export const initialDecisionAsAt = (): DecisionAsAt => ({
  status: 'none',
  decisionId: '',
  meetingId: '',
  itemId: '',
  recordedAt: '',
  citedContributionIds: [],
  amendments: [],
});

interface Recorded {
  decisionId: string;
  meetingId: string;
  itemId: string;
  kind?: string;
  at: string;
  voiceEvidence?: { contributions?: ReadonlyArray<{ contributionId: string }> };
}

export function evolveDecisionAsAt(state: DecisionAsAt, event: FoldableEvent): DecisionAsAt {
  switch (event.type) {
    case 'DecisionRecorded': {
      const data = event.data as Recorded;
      return {
        ...state,
        status: 'recorded',
        decisionId: data.decisionId,
        meetingId: data.meetingId,
        itemId: data.itemId,
        kind: data.kind,
        recordedAt: data.at,
        citedContributionIds: (data.voiceEvidence?.contributions ?? []).map((c) => c.contributionId),
        content: event.data as Record<string, unknown>,
      };
    }
    case 'DecisionAmended': {
      const { byDecisionId, reason, changes } = event.data as AmendmentThen;
      return { ...state, amendments: [...state.amendments, { byDecisionId, reason, changes }] };
    }
    case 'DecisionSuperseded':
      return { ...state, status: 'superseded', supersededBy: (event.data as { byDecisionId: string }).byDecisionId };
    default:
      // A type this fold does not know changes nothing it shows; the history still lists it.
      return state;
  }
}

export function foldDecisionAsAt(events: readonly FoldableEvent[]): DecisionAsAt {
  return events.reduce(evolveDecisionAsAt, initialDecisionAsAt());
}

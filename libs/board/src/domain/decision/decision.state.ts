import type { DecisionKind } from './decision.content.js';
import type { DecisionEvent } from './decision.events.js';

export interface Amendment {
  readonly byDecisionId: string;
  readonly reason: string;
  readonly changes: string;
}

export interface DecisionState {
  readonly status: 'none' | 'recorded' | 'superseded';
  readonly decisionId: string;
  readonly meetingId: string;
  readonly itemId: string;
  readonly kind?: DecisionKind;
  readonly recordedAt: string;
  readonly citedContributionIds: readonly string[];
  readonly amendments: readonly Amendment[];
  readonly supersededBy?: string;
}

export const initialDecisionState = (): DecisionState => ({
  status: 'none',
  decisionId: '',
  meetingId: '',
  itemId: '',
  recordedAt: '',
  citedContributionIds: [],
  amendments: [],
});

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  switch (event.type) {
    case 'DecisionRecorded': {
      const { decisionId, meetingId, itemId, kind, at, voiceEvidence } = event.data;
      const cited = (voiceEvidence.contributions ?? []).map((c) => c.contributionId);
      return {
        ...state,
        status: 'recorded',
        decisionId,
        meetingId,
        itemId,
        kind,
        recordedAt: at,
        citedContributionIds: cited,
      };
    }
    case 'DecisionAmended': {
      const { byDecisionId, reason, changes } = event.data;
      return { ...state, amendments: [...state.amendments, { byDecisionId, reason, changes }] };
    }
    case 'DecisionSuperseded':
      return { ...state, status: 'superseded', supersededBy: event.data.byDecisionId };
  }
}

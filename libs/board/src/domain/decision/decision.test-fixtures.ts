// Shared givens for the decision specs: a quorate meeting in progress, deciding on placement stability.
import type { RecordDecision } from './record-decision.rules.js';
import type { DecisionRecorded } from './decision.events.js';
import type { MeetingFactsForDecision } from './decision.facts.js';

export const AT = '2026-04-14T18:10:00+01:00';

export const MEETING: MeetingFactsForDecision = {
  meetingId: 'meeting-2026-04',
  startsAt: '2026-04-14T17:30:00+01:00',
  inProgress: true,
  quorate: true,
  presentCount: 5,
  item: { itemId: 'placement-stability-report', purpose: 'decision', withdrawn: false },
  declaredInterests: ['cllr-evans'],
  themes: ['placement-stability', 'family-time'],
  principles: ['safe-and-stable', 'take-views-into-account'],
};

export type RecordData = RecordDecision['data'];

export function record(overrides: Partial<RecordData> = {}): RecordDecision {
  return {
    type: 'RecordDecision',
    data: {
      decisionId: 'decision-1',
      meetingId: MEETING.meetingId,
      itemId: 'placement-stability-report',
      resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
      kind: 'resolution',
      reached: { method: 'vote', for: 4, against: 0, abstain: 1 },
      reasons: 'Young people told us moving school was the hardest part of a move.',
      alternativesRejected: [{ option: 'Review case by case', why: 'Left too many moves unplanned' }],
      interestsDeclared: ['cllr-evans'],
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      voiceEvidence: {
        contributions: [
          {
            contributionId: 'view-1',
            influence: 'shaped',
            rationale: 'You told us changing school hurt most; we made it the rule.',
          },
          {
            contributionId: 'view-2',
            influence: 'considered-not-adopted',
            rationale: 'We could not promise the same carer every time.',
          },
        ],
      },
      at: AT,
      facts: {
        meeting: MEETING,
        // Both tabled at the item the decision is recorded at.
        contributions: [
          { contributionId: 'view-1', status: 'citable', tabledAtItem: true },
          { contributionId: 'view-2', status: 'citable', tabledAtItem: true },
        ],
      },
      ...overrides,
    },
  };
}

/** The event recording(overrides) decides: the command's data without the facts. */
export function recorded(overrides: Partial<RecordData> = {}): DecisionRecorded {
  const { facts: _facts, ...data } = record(overrides).data;
  return { type: 'DecisionRecorded', data };
}

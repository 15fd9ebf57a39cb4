import { projectionSpec, type GivenEvent } from '#testing';
import { decisionStream } from '../../domain/index.js';
import { decisionsRegisterProjection, REGISTER } from './decisions-register.projection.js';

// The register's short references in the deciders' style: given these decisions, then these numbers.

const recorded = (decisionId: string, extra: Record<string, unknown> = {}): GivenEvent => [
  decisionStream(decisionId),
  {
    type: 'DecisionRecorded',
    data: {
      decisionId,
      meetingId: 'm-1',
      itemId: 'i-1',
      resolution: `Resolution ${decisionId}`,
      kind: 'resolution',
      reached: { method: 'consensus' },
      reasons: 'Because',
      alternativesRejected: [],
      interestsDeclared: [],
      themes: [],
      principles: [],
      voiceEvidence: { noneApplied: { reason: 'None sought' } },
      at: '2026-04-14T18:00:00Z',
      ...extra,
    },
  },
];
const superseded = (decisionId: string, byDecisionId: string): GivenEvent => [
  decisionStream(decisionId),
  { type: 'DecisionSuperseded', data: { decisionId, byDecisionId, reason: 'New costs', at: '2026-06-09T18:00:00Z' } },
];

const numbers = async (events: readonly GivenEvent[]) =>
  (
    await projectionSpec(decisionsRegisterProjection)
      .given(...events)
      .rows(REGISTER)
  ).map((row) => ({
    decision_id: row.decision_id,
    recorded_number: row.recorded_number,
    superseded_by: row.superseded_by,
    superseded_by_number: row.superseded_by_number,
  }));

describe('decisions register projection: given decisions, then their short references', () => {
  it('numbers each decision in the order recorded on the board, and names the number of what superseded it', async () => {
    expect(
      await numbers([
        recorded('d-b'),
        recorded('d-a'),
        recorded('d-c', { supersedes: { decisionId: 'd-b', reason: 'New costs' } }),
        superseded('d-b', 'd-c'),
      ]),
    ).toEqual([
      { decision_id: 'd-b', recorded_number: 1, superseded_by: 'd-c', superseded_by_number: 3 },
      { decision_id: 'd-a', recorded_number: 2, superseded_by: null, superseded_by_number: null },
      { decision_id: 'd-c', recorded_number: 3, superseded_by: null, superseded_by_number: null },
    ]);
  });
});

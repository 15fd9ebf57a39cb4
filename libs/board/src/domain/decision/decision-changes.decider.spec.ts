import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { AmendDecision, SupersedeDecision } from './change-decision.rules.js';
import { decisionDecider } from './decision.decider.js';
import type { DecisionAmended, DecisionSuperseded } from './decision.events.js';
import { recorded } from './decision.test-fixtures.js';

const { given } = givenWhenThen(decisionDecider);

const original = recorded(); // decision-1, at the April meeting
const later = { decisionId: 'decision-7', meetingId: 'meeting-2026-06', recordedAt: '2026-06-16T18:30:00+01:00' };
const at = '2026-06-16T18:31:00+01:00';

const amend = (by = later, reason = 'Transport costs rose'): AmendDecision => ({
  type: 'AmendDecision',
  data: {
    decisionId: 'decision-1',
    byDecisionId: 'decision-7',
    reason,
    changes: 'Limits to the county',
    at,
    facts: { by },
  },
});
const amended: DecisionAmended = {
  type: 'DecisionAmended',
  data: {
    decisionId: 'decision-1',
    byDecisionId: 'decision-7',
    reason: 'Transport costs rose',
    changes: 'Limits to the county',
    at,
  },
};
const supersede = (byDecisionId = 'decision-7'): SupersedeDecision => ({
  type: 'SupersedeDecision',
  data: {
    decisionId: 'decision-1',
    byDecisionId,
    reason: 'A new strategy replaces it',
    at,
    facts: { by: { ...later, decisionId: byDecisionId } },
  },
});
const superseded: DecisionSuperseded = {
  type: 'DecisionSuperseded',
  data: { decisionId: 'decision-1', byDecisionId: 'decision-7', reason: 'A new strategy replaces it', at },
};

describe('decision: amended by a later decision', () => {
  it('notes the amendment on the original, which keeps its recorded text', () => {
    given([original]).when(amend()).then([amended]);
    const state = fold(decisionDecider, [original, amended]);
    expect(state.status).toBe('recorded');
    expect(state.amendments).toEqual([
      { byDecisionId: 'decision-7', reason: 'Transport costs rose', changes: 'Limits to the county' },
    ]);
  });

  it('records nothing more when the same amendment is retried', () => {
    given([original, amended]).when(amend()).then([]);
  });

  it('requires a reason', () => {
    given([original]).when(amend(later, '')).thenThrows(InvalidInput);
  });

  it('refuses an amendment from the same meeting or from before the decision', () => {
    given([original])
      .when(amend({ ...later, meetingId: original.data.meetingId }))
      .thenThrows(RuleBroken, 'not-a-later-meeting');
    given([original])
      .when(amend({ ...later, recordedAt: '2026-04-14T17:00:00+01:00' }))
      .thenThrows(RuleBroken, 'not-a-later-meeting');
  });

  it('refuses when the amending decision is not the one described by the facts', () => {
    given([original])
      .when(amend({ ...later, decisionId: 'decision-8' }))
      .thenThrows(RuleBroken, 'later-decision-unknown');
  });

  it('does not know a decision never recorded', () => {
    given([]).when(amend()).thenThrows(NotFound);
  });
});

describe('decision: superseded by a later decision', () => {
  it('marks the original superseded; both stay in the history', () => {
    given([original]).when(supersede()).then([superseded]);
    const state = fold(decisionDecider, [original, amended, superseded]);
    expect(state).toMatchObject({
      status: 'superseded',
      supersededBy: 'decision-7',
      amendments: [{ byDecisionId: 'decision-7' }],
    });
  });

  it('refuses any further change once superseded, but accepts a retry of the same supersession', () => {
    given([original, superseded]).when(amend()).thenThrows(RuleBroken, 'decision-superseded');
    given([original, superseded]).when(supersede('decision-8')).thenThrows(RuleBroken, 'decision-superseded');
    given([original, superseded]).when(supersede()).then([]);
  });
});

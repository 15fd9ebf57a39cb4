import { NotFound, RuleBroken, instantMs, checkInput, type DomainCommand, type Rules } from '#kernel';
import type { DecisionEvent } from './decision.events.js';
import type { LaterDecisionFacts } from './decision.facts.js';
import type { DecisionState } from './decision.state.js';

// The original decision is never edited: it gains a dated note of what amended or replaced it, and why.

/** Sent to the ORIGINAL decision's stream once the amending decision is recorded. */
export type AmendDecision = DomainCommand<
  'AmendDecision',
  {
    readonly decisionId: string;
    readonly byDecisionId: string;
    readonly reason: string;
    readonly changes: string;
    readonly at: string;
    readonly facts: { readonly by: LaterDecisionFacts };
  }
>;

/** Sent to the ORIGINAL decision's stream once the superseding decision is recorded. */
export type SupersedeDecision = DomainCommand<
  'SupersedeDecision',
  {
    readonly decisionId: string;
    readonly byDecisionId: string;
    readonly reason: string;
    readonly at: string;
    readonly facts: { readonly by: LaterDecisionFacts };
  }
>;

export type ChangeDecisionCommand = AmendDecision | SupersedeDecision;

export function amendDecision({ data }: AmendDecision, state: DecisionState): DecisionEvent[] {
  checkInput()
    .text('byDecisionId', data.byDecisionId)
    .text('reason', data.reason)
    .text('changes', data.changes)
    .instant('at', data.at)
    .done();
  requireLaterDecision(state, data.byDecisionId, data.facts?.by);
  if (state.amendments.some((a) => a.byDecisionId === data.byDecisionId)) return []; // a retried command
  const { decisionId, byDecisionId, reason, changes, at } = data;
  return [{ type: 'DecisionAmended', data: { decisionId, byDecisionId, reason, changes, at } }];
}

export function supersedeDecision({ data }: SupersedeDecision, state: DecisionState): DecisionEvent[] {
  checkInput().text('byDecisionId', data.byDecisionId).text('reason', data.reason).instant('at', data.at).done();
  if (state.status === 'superseded' && state.supersededBy === data.byDecisionId) return []; // a retried command
  requireLaterDecision(state, data.byDecisionId, data.facts?.by);
  const { decisionId, byDecisionId, reason, at } = data;
  return [{ type: 'DecisionSuperseded', data: { decisionId, byDecisionId, reason, at } }];
}

function requireLaterDecision(state: DecisionState, byDecisionId: string, by: LaterDecisionFacts | undefined): void {
  if (state.status === 'none') throw new NotFound('No such decision.');
  if (state.status === 'superseded') {
    throw new RuleBroken('decision-superseded', 'This decision has been superseded and can no longer change.');
  }
  if (!by || by.decisionId !== byDecisionId) {
    throw new RuleBroken('later-decision-unknown', 'The amending or superseding decision must be recorded first.');
  }
  if (by.meetingId === state.meetingId || instantMs(by.recordedAt) <= instantMs(state.recordedAt)) {
    throw new RuleBroken('not-a-later-meeting', 'A decision is amended or superseded only by a later meeting.');
  }
}

/** The commands that note a later decision on the original, and their rules. */
export const changeDecisionRules: Rules<ChangeDecisionCommand, DecisionEvent, DecisionState> = {
  AmendDecision: amendDecision,
  SupersedeDecision: supersedeDecision,
};

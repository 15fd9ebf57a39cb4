import { decideBy, type Decider } from '#kernel';
import { changeDecisionRules, type ChangeDecisionCommand } from './change-decision.rules.js';
import type { DecisionEvent } from './decision.events.js';
import { evolveDecision, initialDecisionState, type DecisionState } from './decision.state.js';
import { recordDecisionRules, type RecordDecision } from './record-decision.rules.js';

/** Every command on a decision: each sits beside its rule. */
export type DecisionCommand = RecordDecision | ChangeDecisionCommand;

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  decide: decideBy<DecisionCommand, DecisionEvent, DecisionState>({ ...recordDecisionRules, ...changeDecisionRules }),
  evolve: evolveDecision,
  initialState: initialDecisionState,
};

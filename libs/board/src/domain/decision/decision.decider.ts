import type { Decider } from '#kernel';
import { amendDecision, supersedeDecision } from './change-decision.rules.js';
import type { DecisionCommand } from './decision.commands.js';
import type { DecisionEvent } from './decision.events.js';
import { evolveDecision, initialDecisionState, type DecisionState } from './decision.state.js';
import { recordDecision } from './record-decision.rules.js';

export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  decide(command, state) {
    switch (command.type) {
      case 'RecordDecision':
        return recordDecision(command, state);
      case 'AmendDecision':
        return amendDecision(command, state);
      case 'SupersedeDecision':
        return supersedeDecision(command, state);
    }
  },
  evolve: evolveDecision,
  initialState: initialDecisionState,
};

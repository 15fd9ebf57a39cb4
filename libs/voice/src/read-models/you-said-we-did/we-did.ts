import type { ActionOutcome, DecisionOutcome } from '../board-outcomes/outcome-words.js';
import type { ActionsProgressResponse, WeDidDecisionResponse } from './you-said-we-did.dto.js';

// "We did", in short: what the board decided and how the things it asked for are going. Pure.

export function actionsProgress(actions: readonly ActionOutcome[]): ActionsProgressResponse {
  const count = (status: ActionOutcome['status']) => actions.filter((a) => a.status === status).length;
  const total = actions.length;
  const done = count('completed');
  const late = count('overdue');
  const progress = { total, done, open: count('open'), late, stopped: count('cancelled') };
  const things = (n: number) => (n === 1 ? '1 thing' : `${n} things`);
  const words =
    total === 0
      ? 'The board did not ask anyone to do something more for this decision.'
      : done === total
        ? `All done: the board asked for ${things(total)}, and ${total === 1 ? 'it is' : 'they are all'} done.`
        : `${done} of ${things(total)} the board asked for ${done === 1 ? 'is' : 'are'} done` +
          (late > 0 ? `; ${late} ${late === 1 ? 'is' : 'are'} late.` : '.');
  return { ...progress, words };
}

export function weDidDecision(outcome: DecisionOutcome): WeDidDecisionResponse {
  return {
    decisionId: outcome.decisionId,
    decidedAt: outcome.decidedAt,
    resolution: outcome.resolution ?? '',
    status: outcome.status,
    ...(outcome.statusWords ? { statusWords: outcome.statusWords } : {}),
    actions: actionsProgress(outcome.actions),
  };
}

import type { Decider } from '#kernel';
import { answerQuestion, changeSharing, respondToSummary, withdrawContribution } from './author.rules.js';
import type { ContributionCommand } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { evolveContribution, initialContributionState, type ContributionState } from './contribution.state.js';
import { eraseContribution } from './erasure.rules.js';
import { closeContribution, markConsidered, recordFeedback, tableContribution } from './meeting-progress.rules.js';
import { moderateContribution, summariseContribution } from './moderation.rules.js';
import { submitContribution } from './submit-contribution.rules.js';

// Lifecycle: submitted -> moderated (accepted, accepted with redactions, a question to the author and
// back, declined, or escalated for safeguarding: withheld for good) -> tabled at an item -> considered ->
// responded -> closed; withdrawn by its author at any point; erased on a valid request (terminal).
// Alongside, once accepted: a moderator's summary (new versions, never replaced silently), which its
// author may agree with or ask to change; a view shared "summary only" needs a current one to be tabled
// or cited.
export const contributionDecider: Decider<ContributionCommand, ContributionEvent, ContributionState> = {
  decide(command, state) {
    switch (command.type) {
      case 'SubmitContribution':
        return submitContribution(command, state);
      case 'ModerateContribution':
        return moderateContribution(command, state);
      case 'SummariseContribution':
        return summariseContribution(command, state);
      case 'RespondToSummary':
        return respondToSummary(command, state);
      case 'AnswerQuestion':
        return answerQuestion(command, state);
      case 'ChangeSharing':
        return changeSharing(command, state);
      case 'TableContribution':
        return tableContribution(command, state);
      case 'MarkConsidered':
        return markConsidered(command, state);
      case 'RecordFeedback':
        return recordFeedback(command, state);
      case 'CloseContribution':
        return closeContribution(command, state);
      case 'WithdrawContribution':
        return withdrawContribution(command, state);
      case 'EraseContribution':
        return eraseContribution(command, state);
    }
  },
  evolve: evolveContribution,
  initialState: initialContributionState,
};

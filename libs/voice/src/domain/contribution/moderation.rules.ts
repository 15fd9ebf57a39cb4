import { RuleBroken } from '#kernel';
import { checkInput, type InputCheck } from '../call-for-views/input-check.js';
import type { ModerateContribution, Moderation } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { refuseEscalated, requireLive, requireNotErased, requireStatus } from './contribution.guards.js';
import type { ContributionState } from './contribution.state.js';
import { CONTRIBUTION_TEXT_MAX_CHARS, type ContributionStatus } from './contribution.values.js';

const QUESTION_MAX_CHARS = 1000;

/** The moderator's queue: new views, and views whose author has answered a question. */
const IN_QUEUE: readonly ContributionStatus[] = ['submitted', 'answered'];

export function moderateContribution({ data }: ModerateContribution, state: ContributionState): ContributionEvent[] {
  const check = checkInput().text('contributionId', data.contributionId).instant('at', data.at);
  checkModeration(check, data.moderation);
  check.done();
  requireNotErased(state);
  const { contributionId, at } = data;
  const { authorPseudonym } = state;
  const moderation = data.moderation;

  if (moderation.outcome === 'escalate') {
    // Safeguarding is never blocked by where the view has got to: escalation also pulls it from the board.
    // A withdrawn view can be escalated too: the duty to act on a disclosure outlives the withdrawal.
    if (state.escalated) {
      throw new RuleBroken('contribution-escalated', 'This contribution is already with the safeguarding lead.');
    }
    const { reason: note, categories = [] } = moderation;
    return [
      {
        type: 'ContributionEscalatedForSafeguarding',
        data: {
          contributionId,
          authorPseudonym,
          reason: 'moderator',
          categories,
          note: note.trim(),
          previousStatus: state.status,
          at,
        },
      },
    ];
  }

  requireLive(state);
  refuseEscalated(state);
  if (state.status === 'question-asked') {
    throw new RuleBroken('awaiting-answer', 'The author has not yet answered the moderator’s question.');
  }
  requireStatus(state, IN_QUEUE, 'already-moderated', 'This contribution has already been moderated.');
  switch (moderation.outcome) {
    case 'accept':
      return [{ type: 'ContributionAccepted', data: { contributionId, at } }];
    case 'accept-with-redactions':
      return [
        {
          type: 'ContributionAcceptedWithRedactions',
          data: { contributionId, authorPseudonym, text: moderation.redactedText.trim(), at },
        },
      ];
    case 'ask-question':
      return [
        {
          type: 'ContributionQuestionAsked',
          data: { contributionId, authorPseudonym, question: moderation.question.trim(), at },
        },
      ];
  }
}

function checkModeration(check: InputCheck, moderation: Moderation | undefined): void {
  switch (moderation?.outcome) {
    case 'accept':
      return;
    case 'accept-with-redactions':
      check.boundedText('moderation.redactedText', moderation.redactedText, CONTRIBUTION_TEXT_MAX_CHARS);
      return;
    case 'ask-question':
      check.boundedText('moderation.question', moderation.question, QUESTION_MAX_CHARS);
      return;
    case 'escalate':
      check.text('moderation.reason', moderation.reason).codes('moderation.categories', moderation.categories ?? []);
      return;
    default:
      check.that(false, 'moderation.outcome', 'must be one of accept, accept-with-redactions, ask-question, escalate');
  }
}

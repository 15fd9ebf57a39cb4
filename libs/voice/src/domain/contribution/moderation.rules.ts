import { RuleBroken, checkInput, type InputCheck } from '#kernel';
import type { ModerateContribution, Moderation, SummariseContribution } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import {
  refuseDeclined,
  refuseEscalated,
  requireLive,
  requireNotErased,
  requireStatus,
} from './contribution.guards.js';
import type { ContributionState } from './contribution.state.js';
import {
  CONTRIBUTION_TEXT_MAX_CHARS,
  DECLINE_NOTE_MAX_CHARS,
  DECLINE_REASONS,
  SUMMARY_MAX_CHARS,
  type ContributionStatus,
} from './contribution.values.js';

const QUESTION_MAX_CHARS = 1000;

/** The moderator's queue: new views, and views whose author has answered a question. */
const IN_QUEUE: readonly ContributionStatus[] = ['submitted', 'answered'];

/** Accepted, and on the board's path: where a summary can be written or rewritten. */
const SUMMARISABLE: readonly ContributionStatus[] = ['accepted', 'tabled', 'considered', 'responded', 'closed'];

// Acceptance and the summary are separate judgements (is it fit for the board? what does it say?), so
// "accept" may carry the summary or leave it for later (the author may widen their sharing first). A
// view shared as a summary only is not tabled or cited until it has one: meeting-progress.rules.ts and
// citability() in contribution.queries.ts.

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
      return [
        { type: 'ContributionAccepted', data: { contributionId, at } },
        ...summarised(state, moderation.summary, at),
      ];
    case 'accept-with-redactions':
      return [
        {
          type: 'ContributionAcceptedWithRedactions',
          data: { contributionId, authorPseudonym, text: moderation.redactedText.trim(), at },
        },
        ...summarised(state, moderation.summary, at),
      ];
    case 'ask-question':
      return [
        {
          type: 'ContributionQuestionAsked',
          data: { contributionId, authorPseudonym, question: moderation.question.trim(), at },
        },
      ];
    case 'decline':
      return [
        {
          type: 'ContributionDeclined',
          data: { contributionId, authorPseudonym, reason: moderation.reason, note: moderation.note.trim(), at },
        },
      ];
  }
}

/** A new version of the summary, on an accepted view that is live, not withheld and not declined. */
export function summariseContribution({ data }: SummariseContribution, state: ContributionState): ContributionEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .boundedText('text', data.text, SUMMARY_MAX_CHARS)
    .instant('at', data.at)
    .done();
  requireLive(state);
  refuseEscalated(state);
  refuseDeclined(state);
  requireStatus(
    state,
    SUMMARISABLE,
    'contribution-not-accepted',
    'Only a view accepted by moderation can be summarised (write the summary as you accept it).',
  );
  return summarised(state, data.text, data.at);
}

function summarised(state: ContributionState, text: string | undefined, at: string): ContributionEvent[] {
  if (text === undefined) return [];
  const { contributionId, authorPseudonym } = state;
  return [
    {
      type: 'ContributionSummarised',
      data: { contributionId, authorPseudonym, version: state.summaryVersion + 1, text: text.trim(), at },
    },
  ];
}

function checkModeration(check: InputCheck, moderation: Moderation | undefined): void {
  switch (moderation?.outcome) {
    case 'accept':
      checkSummary(check, moderation.summary);
      return;
    case 'accept-with-redactions':
      check.boundedText('moderation.redactedText', moderation.redactedText, CONTRIBUTION_TEXT_MAX_CHARS);
      checkSummary(check, moderation.summary);
      return;
    case 'ask-question':
      check.boundedText('moderation.question', moderation.question, QUESTION_MAX_CHARS);
      return;
    case 'escalate':
      check.text('moderation.reason', moderation.reason).codes('moderation.categories', moderation.categories ?? []);
      return;
    case 'decline':
      check
        .oneOf('moderation.reason', moderation.reason, DECLINE_REASONS)
        .boundedText('moderation.note', moderation.note, DECLINE_NOTE_MAX_CHARS);
      return;
    default:
      check.that(
        false,
        'moderation.outcome',
        'must be one of accept, accept-with-redactions, ask-question, escalate, decline',
      );
  }
}

function checkSummary(check: InputCheck, summary: string | undefined): void {
  if (summary !== undefined) check.boundedText('moderation.summary', summary, SUMMARY_MAX_CHARS);
}

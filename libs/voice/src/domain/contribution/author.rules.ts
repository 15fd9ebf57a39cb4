import { RuleBroken, checkInput, type InputCheck } from '#kernel';
import type {
  AnswerQuestion,
  AuthorProof,
  ChangeSharing,
  RespondToSummary,
  WithdrawContribution,
} from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { requireAuthor, requireLive, requireNotErased, requireStatus } from './contribution.guards.js';
import type { ContributionState } from './contribution.state.js';
import {
  CONTRIBUTION_TEXT_MAX_CHARS,
  SHARING_CHOICES,
  SUMMARY_MESSAGE_MAX_CHARS,
  SUMMARY_RESPONSES,
} from './contribution.values.js';
import { checkScreening, screenEscalation } from './submit-contribution.rules.js';

// What the author can do with their receipt code (or linked account).

export function answerQuestion({ data }: AnswerQuestion, state: ContributionState): ContributionEvent[] {
  const check = checkInput()
    .text('contributionId', data.contributionId)
    .boundedText('text', data.text, CONTRIBUTION_TEXT_MAX_CHARS)
    .instant('at', data.at);
  checkProof(check, data.author);
  checkScreening(check, 'facts.screening', data.facts?.screening);
  check.done();
  // The author check comes before any state is revealed to the caller.
  requireNotErased(state);
  requireAuthor(state, data.author);
  requireLive(state);
  requireStatus(state, ['question-asked'], 'no-question-asked', 'No question is waiting for an answer.');
  const { contributionId, at } = data;
  const { authorPseudonym } = state;
  return [
    { type: 'ContributionQuestionAnswered', data: { contributionId, authorPseudonym, text: data.text.trim(), at } },
    ...screenEscalation(data.facts.screening, contributionId, authorPseudonym, 'answered', at),
  ];
}

/** Any time before erasure, even after withdrawal: it is the author's choice to keep or change. */
export function changeSharing({ data }: ChangeSharing, state: ContributionState): ContributionEvent[] {
  const check = checkInput()
    .text('contributionId', data.contributionId)
    .oneOf('sharing', data.sharing, SHARING_CHOICES)
    .instant('at', data.at);
  checkProof(check, data.author);
  check.done();
  requireNotErased(state);
  requireAuthor(state, data.author);
  if (data.sharing === state.sharing) return [];
  const { contributionId, sharing, at } = data;
  return [{ type: 'ContributionSharingChanged', data: { contributionId, sharing, previous: state.sharing, at } }];
}

/**
 * The author agrees with the summary they read, or asks for a change (with a message, if they like). Only
 * the latest version can be answered; the same answer again without a message changes nothing. A view
 * withheld for safeguarding has no summary to answer (and the author is never told why).
 */
export function respondToSummary({ data }: RespondToSummary, state: ContributionState): ContributionEvent[] {
  const check = checkInput()
    .text('contributionId', data.contributionId)
    .that(Number.isInteger(data.version) && data.version > 0, 'version', 'must be a whole number from 1')
    .oneOf('response', data.response, SUMMARY_RESPONSES);
  if (data.message !== undefined) check.boundedText('message', data.message, SUMMARY_MESSAGE_MAX_CHARS);
  checkProof(check, data.author);
  check.instant('at', data.at).done();
  requireNotErased(state);
  requireAuthor(state, data.author);
  requireLive(state);
  if (state.summaryVersion === 0 || state.escalated) {
    throw new RuleBroken('no-summary', 'There is no summary of this view yet.');
  }
  if (data.version !== state.summaryVersion) {
    throw new RuleBroken('summary-rewritten', 'The summary has been rewritten since: read the new one first.', {
      currentVersion: state.summaryVersion,
    });
  }
  const { contributionId, version, at } = data;
  const message = data.message?.trim();
  const answered = data.response === 'agree' ? 'agreed' : 'change-requested';
  if (state.summaryResponse === answered && message === undefined) return [];
  const authorPseudonym = state.authorPseudonym;
  return [
    data.response === 'agree'
      ? { type: 'ContributionSummaryAgreed', data: { contributionId, authorPseudonym, version, message, at } }
      : { type: 'ContributionSummaryChangeRequested', data: { contributionId, authorPseudonym, version, message, at } },
  ];
}

/** At any point of the view's life, including under safeguarding (the concern itself carries on). */
export function withdrawContribution({ data }: WithdrawContribution, state: ContributionState): ContributionEvent[] {
  const check = checkInput().text('contributionId', data.contributionId).optionalText('reason', data.reason);
  checkProof(check, data.author);
  check.instant('at', data.at).done();
  requireNotErased(state);
  requireAuthor(state, data.author);
  if (state.status === 'withdrawn') {
    throw new RuleBroken('contribution-withdrawn', 'This contribution has already been withdrawn.');
  }
  const { contributionId, at } = data;
  return [
    {
      type: 'ContributionWithdrawn',
      data: {
        contributionId,
        authorPseudonym: state.authorPseudonym,
        reason: data.reason?.trim(),
        previousStatus: state.status,
        escalated: state.escalated,
        at,
      },
    },
  ];
}

function checkProof(check: InputCheck, proof: AuthorProof | undefined): void {
  const byCode = proof?.receiptCodeHash !== undefined;
  const byPseudonym = proof?.authorPseudonym !== undefined;
  check.that(byCode !== byPseudonym, 'author', 'give the receipt code’s hash or the author’s pseudonym');
  if (byCode) check.text('author.receiptCodeHash', proof?.receiptCodeHash);
  if (byPseudonym) check.text('author.authorPseudonym', proof?.authorPseudonym);
}

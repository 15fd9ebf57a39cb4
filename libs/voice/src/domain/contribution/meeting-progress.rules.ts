import { RuleBroken, checkInput } from '#kernel';
import { answerReadingAge } from './answer-reading-age.rules.js';
import type { CloseContribution, MarkConsidered, RecordFeedback, TableContribution } from './contribution.commands.js';
import type { ContributionEvent } from './contribution.events.js';
import { refuseDeclined, refuseEscalated, requireLive, requireStatus } from './contribution.guards.js';
import { needsSummary } from './contribution.queries.js';
import { sameItem, type ContributionState } from './contribution.state.js';
import { CONTRIBUTION_TEXT_MAX_CHARS, type ContributionStatus } from './contribution.values.js';

// Through the meeting: tabled at an item, considered there, answered ("we did"), closed.

const NOT_YET_ACCEPTED: readonly ContributionStatus[] = ['submitted', 'question-asked', 'answered'];

/** Live, not escalated, and past moderation; a closed view takes no more steps. */
function requireOnBoardPath(state: ContributionState, allowed: readonly ContributionStatus[], step: string): void {
  requireLive(state);
  refuseEscalated(state);
  refuseDeclined(state);
  if (NOT_YET_ACCEPTED.includes(state.status)) {
    throw new RuleBroken('contribution-not-accepted', `Only a view accepted by moderation can be ${step}.`, {
      contributionStatus: state.status,
    });
  }
  if (state.status === 'closed') throw new RuleBroken('contribution-closed', 'This contribution is closed.');
  requireStatus(state, allowed, 'contribution-not-ready', `This contribution cannot be ${step} yet.`);
}

export function tableContribution({ data }: TableContribution, state: ContributionState): ContributionEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .text('meetingId', data.meetingId)
    .text('itemId', data.itemId)
    .instant('at', data.at)
    .done();
  requireOnBoardPath(state, ['accepted', 'tabled', 'considered', 'responded'], 'tabled');
  // A view may go to several items (a deferred item, a follow-up), but to each item once.
  if (state.tabledAt.some((item) => sameItem(item, data))) {
    throw new RuleBroken('already-tabled', 'This contribution is already tabled at this agenda item.');
  }
  // The board reads the summary of a view shared "summary only", never the words: no summary, nothing to table.
  if (needsSummary(state)) {
    throw new RuleBroken(
      'summary-required',
      state.summaryVersion === 0
        ? 'Its author shares a summary only, and no summary has been written yet: write one before tabling it.'
        : 'Its author asked for the summary to be changed: write a new one before tabling it.',
    );
  }
  const { contributionId, meetingId, itemId, at } = data;
  return [{ type: 'ContributionTabled', data: { contributionId, meetingId, itemId, at } }];
}

export function markConsidered({ data }: MarkConsidered, state: ContributionState): ContributionEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .text('meetingId', data.meetingId)
    .text('itemId', data.itemId)
    .instant('at', data.at)
    .done();
  requireOnBoardPath(state, ['tabled', 'considered', 'responded'], 'considered');
  if (!state.tabledAt.some((item) => sameItem(item, data))) {
    throw new RuleBroken('not-tabled-at-item', 'This contribution was not tabled at this agenda item.');
  }
  if (state.consideredAt.some((item) => sameItem(item, data))) {
    throw new RuleBroken('already-considered', 'This contribution was already considered at this agenda item.');
  }
  const { contributionId, meetingId, itemId, at } = data;
  return [{ type: 'ContributionConsidered', data: { contributionId, meetingId, itemId, at } }];
}

/** Any accepted view may be answered, tabled or not (a board can answer a call's views as a group). */
export function recordFeedback(command: RecordFeedback, state: ContributionState): ContributionEvent[] {
  const { data } = command;
  checkInput()
    .text('contributionId', data.contributionId)
    .text('feedbackId', data.feedbackId)
    .boundedText('text', data.text, CONTRIBUTION_TEXT_MAX_CHARS)
    .codes('decisionIds', data.decisionIds)
    .codes('actionIds', data.actionIds)
    .instant('at', data.at)
    .done();
  requireOnBoardPath(state, ['accepted', 'tabled', 'considered', 'responded'], 'answered');
  if (state.feedbackIds.includes(data.feedbackId)) {
    throw new RuleBroken('feedback-already-recorded', 'This response is already recorded on this contribution.');
  }
  // Measured on every answer, the first or a later one: each is added beside the earlier, never replacing it.
  const readingAge = answerReadingAge(command);
  const { contributionId, feedbackId, decisionIds, actionIds, at } = data;
  return [
    {
      type: 'ContributionFeedbackRecorded',
      data: { contributionId, feedbackId, text: data.text.trim(), decisionIds, actionIds, readingAge, at },
    },
  ];
}

/** Closed once answered: the young person has been told what happened. */
export function closeContribution({ data }: CloseContribution, state: ContributionState): ContributionEvent[] {
  checkInput().text('contributionId', data.contributionId).instant('at', data.at).done();
  requireOnBoardPath(state, ['responded'], 'closed before the young person has had an answer');
  return [{ type: 'ContributionClosed', data: { contributionId: data.contributionId, at: data.at } }];
}

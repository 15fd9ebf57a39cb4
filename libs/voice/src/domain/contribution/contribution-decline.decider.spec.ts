import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { contributionDecider } from './contribution.decider.js';
import { citability, isVisibleToBoard } from './contribution.queries.js';
import {
  ANSWERED,
  ASKED,
  BY_CODE,
  command,
  DECLINED,
  event,
  HISTORIES,
  moderate,
  PSEUDONYM,
  submitted,
} from './contribution.test-fixtures.js';
import { DECLINE_REASONS } from './contribution.values.js';

// A moderator may decline a view (spam, abuse, off topic, a repeat) with a note its author reads by code;
// a declined view never reaches the board or the public page.

const { given } = givenWhenThen(contributionDecider);

const decline = (reason: string, note: string) => moderate({ outcome: 'decline', reason, note } as never);

describe('contribution: declined by a moderator', () => {
  it('declines a view in the queue, for one of the reasons, with a note in plain words', () => {
    given([submitted()])
      .when(decline('repeat', '  You sent us the same view last week. We still have it. '))
      .then([DECLINED]);
    for (const reason of DECLINE_REASONS) {
      given([submitted(), ASKED, ANSWERED])
        .when(decline(reason, 'Why, in plain words.'))
        .then([event('ContributionDeclined', { authorPseudonym: PSEUDONYM, reason, note: 'Why, in plain words.' })]);
    }
  });

  it('needs a known reason and a note', () => {
    given([submitted()]).when(decline('boring', 'A note.')).thenThrows(InvalidInput);
    given([submitted()]).when(decline('spam', ' ')).thenThrows(InvalidInput);
    given([submitted()])
      .when(decline('spam', 'x'.repeat(1001)))
      .thenThrows(InvalidInput);
  });

  it('declines only a view waiting for moderation', () => {
    given([submitted(), ASKED]).when(decline('spam', 'A note.')).thenThrows(RuleBroken, 'awaiting-answer');
    for (const name of ['accepted', 'tabled', 'declined'] as const) {
      given(HISTORIES[name]).when(decline('spam', 'A note.')).thenThrows(RuleBroken, 'already-moderated');
    }
    given(HISTORIES.escalated).when(decline('spam', 'A note.')).thenThrows(RuleBroken, 'contribution-escalated');
  });

  it('never lets a declined view reach the board: not accepted, tabled, summarised, cited or answered', () => {
    const state = fold(contributionDecider, HISTORIES.declined);
    expect(state.status).toBe('declined');
    expect(citability(state)).toBe('not-accepted');
    expect(isVisibleToBoard(state)).toBe(false);
    given(HISTORIES.declined)
      .when(moderate({ outcome: 'accept' }))
      .thenThrows(RuleBroken, 'already-moderated');
    given(HISTORIES.declined)
      .when(command('TableContribution', { meetingId: 'm', itemId: 'i' }))
      .thenThrows(RuleBroken, 'contribution-declined');
    given(HISTORIES.declined)
      .when(command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: [], actionIds: [] }))
      .thenThrows(RuleBroken, 'contribution-declined');
    given(HISTORIES.declined)
      .when(command('SummariseContribution', { text: 'A summary.' }))
      .thenThrows(RuleBroken, 'contribution-declined');
  });

  it('still lets a moderator escalate it, and its author withdraw it', () => {
    given(HISTORIES.declined)
      .when(moderate({ outcome: 'escalate', reason: 'On a second read, a worry.' }))
      .then([
        event('ContributionEscalatedForSafeguarding', {
          authorPseudonym: PSEUDONYM,
          reason: 'moderator',
          categories: [],
          note: 'On a second read, a worry.',
          previousStatus: 'declined',
        }),
      ]);
    given(HISTORIES.declined)
      .when(command('WithdrawContribution', { author: BY_CODE }))
      .then([
        event('ContributionWithdrawn', { authorPseudonym: PSEUDONYM, previousStatus: 'declined', escalated: false }),
      ]);
  });
});

import { Forbidden, fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { AuthorProof } from './contribution.commands.js';
import { contributionDecider } from './contribution.decider.js';
import { citability, isVisibleToBoard } from './contribution.queries.js';
import {
  BY_CODE,
  command,
  event,
  HISTORIES,
  HISTORY_NAMES,
  PSEUDONYM,
  submitted,
  WITHDRAWN,
} from './contribution.test-fixtures.js';
import type { Sharing } from './contribution.values.js';

const { given } = givenWhenThen(contributionDecider);

const withdraw = (reason?: string, author: AuthorProof = BY_CODE) =>
  command('WithdrawContribution', { author, reason });
const share = (sharing: Sharing, author: AuthorProof = BY_CODE) => command('ChangeSharing', { author, sharing });

describe('contribution: withdrawal by its author', () => {
  it('withdraws from every state, saying where it stood and whether safeguarding holds it', () => {
    expect(HISTORY_NAMES).toHaveLength(11);
    for (const name of HISTORY_NAMES) {
      const history = HISTORIES[name];
      const previousStatus = fold(contributionDecider, history).status;
      const events = given(history)
        .when(withdraw())
        .then([
          event('ContributionWithdrawn', {
            authorPseudonym: PSEUDONYM,
            previousStatus,
            escalated: name === 'escalated',
          }),
        ]);
      const state = fold(contributionDecider, [...history, ...events]);
      expect(state.status).toBe('withdrawn');
      expect(citability(state)).toBe('withdrawn');
      expect(isVisibleToBoard(state)).toBe(false);
    }
  });

  it('keeps the author’s reason, if they give one', () => {
    given(HISTORIES.tabled)
      .when(withdraw('  I changed my mind. '))
      .then([
        event('ContributionWithdrawn', {
          authorPseudonym: PSEUDONYM,
          reason: 'I changed my mind.',
          previousStatus: 'tabled',
          escalated: false,
        }),
      ]);
    given(HISTORIES.tabled).when(withdraw(' ')).thenThrows(InvalidInput);
  });

  it('withdraws once, and stops every step on the board’s path', () => {
    const withdrawn = [
      ...HISTORIES.tabled,
      { ...WITHDRAWN, data: { ...WITHDRAWN.data, previousStatus: 'tabled' as const } },
    ];
    given(withdrawn).when(withdraw()).thenThrows(RuleBroken, 'contribution-withdrawn');
    given(withdrawn)
      .when(command('MarkConsidered', { meetingId: 'meeting-2026-04', itemId: 'voice-of-the-child' }))
      .thenThrows(RuleBroken, 'contribution-withdrawn');
    given(withdrawn)
      .when(command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: [], actionIds: [] }))
      .thenThrows(RuleBroken, 'contribution-withdrawn');
  });

  it('is the author’s alone: by their receipt code or their pseudonym', () => {
    given(HISTORIES.accepted)
      .when(withdraw(undefined, { authorPseudonym: PSEUDONYM }))
      .then([
        event('ContributionWithdrawn', { authorPseudonym: PSEUDONYM, previousStatus: 'accepted', escalated: false }),
      ]);
    given(HISTORIES.accepted)
      .when(withdraw(undefined, { receiptCodeHash: 'sha256:another-code' }))
      .thenThrows(Forbidden);
    given(HISTORIES.accepted)
      .when(withdraw(undefined, { authorPseudonym: 'yp-someone-else' }))
      .thenThrows(Forbidden);
    given(HISTORIES.accepted)
      .when(withdraw(undefined, { receiptCodeHash: 'x', authorPseudonym: PSEUDONYM } as never))
      .thenThrows(InvalidInput);
  });

  it('does not know a view never given', () => {
    given([]).when(withdraw()).thenThrows(NotFound);
  });
});

describe('contribution: the author’s sharing choice', () => {
  it('changes the choice at any stage', () => {
    for (const name of ['submitted', 'escalated', 'responded'] as const) {
      given(HISTORIES[name])
        .when(share('anonymised'))
        .then([event('ContributionSharingChanged', { sharing: 'anonymised', previous: 'summary-only' })]);
    }
  });

  it('can make it more private again', () => {
    const history = [submitted({ sharing: 'verbatim' })];
    given(history)
      .when(share('summary-only'))
      .then([event('ContributionSharingChanged', { sharing: 'summary-only', previous: 'verbatim' })]);
  });

  it('records nothing when the choice is unchanged', () => {
    given(HISTORIES.accepted).when(share('summary-only')).then([]);
  });

  it('still takes a change after withdrawal', () => {
    given([...HISTORIES.submitted, WITHDRAWN])
      .when(share('verbatim'))
      .then([event('ContributionSharingChanged', { sharing: 'verbatim', previous: 'summary-only' })]);
  });

  it('is the author’s alone, among the known choices', () => {
    given(HISTORIES.accepted)
      .when(share('verbatim', { receiptCodeHash: 'sha256:another-code' }))
      .thenThrows(Forbidden);
    given(HISTORIES.accepted)
      .when(share('public' as never))
      .thenThrows(InvalidInput);
  });
});

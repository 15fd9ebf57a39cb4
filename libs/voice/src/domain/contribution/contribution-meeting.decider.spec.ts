import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { contributionDecider } from './contribution.decider.js';
import {
  ACCEPTED,
  command,
  CONSIDERED,
  event,
  HISTORIES,
  RESPONDED,
  submitted,
  TABLED,
} from './contribution.test-fixtures.js';

const { given } = givenWhenThen(contributionDecider);

const MEETING = 'meeting-2026-04';
const ITEM = 'voice-of-the-child';
const table = (itemId = ITEM, meetingId = MEETING) => command('TableContribution', { meetingId, itemId });
const consider = (itemId = ITEM, meetingId = MEETING) => command('MarkConsidered', { meetingId, itemId });
const feedback = (feedbackId: string, text = RESPONDED.data.text) =>
  command('RecordFeedback', { feedbackId, text, decisionIds: ['decision-7'], actionIds: ['action-3'] });
const close = command('CloseContribution', {});

describe('contribution: tabled at a meeting item', () => {
  it('tables an accepted view, redacted or not', () => {
    given(HISTORIES.accepted).when(table()).then([TABLED]);
    given(HISTORIES['accepted-with-redactions']).when(table()).then([TABLED]);
  });

  it('tables only a view moderation accepted', () => {
    for (const name of ['submitted', 'question-asked', 'answered'] as const) {
      given(HISTORIES[name]).when(table()).thenThrows(RuleBroken, 'contribution-not-accepted');
    }
  });

  it('tables a view at an item once, and may table it at another item too', () => {
    given(HISTORIES.tabled).when(table()).thenThrows(RuleBroken, 'already-tabled');
    given(HISTORIES.tabled)
      .when(table('placement-stability-report'))
      .then([event('ContributionTabled', { meetingId: MEETING, itemId: 'placement-stability-report' })]);
    // The same item id at a later meeting is another item.
    given(HISTORIES.considered)
      .when(table(ITEM, 'meeting-2026-07'))
      .then([event('ContributionTabled', { meetingId: 'meeting-2026-07', itemId: ITEM })]);
  });

  it('keeps a considered view considered when it is tabled again elsewhere', () => {
    const state = fold(contributionDecider, [
      ...HISTORIES.considered,
      event('ContributionTabled', { meetingId: 'meeting-2026-07', itemId: ITEM }),
    ]);
    expect(state.status).toBe('considered');
  });

  it('needs the meeting and the item', () => {
    given(HISTORIES.accepted).when(table('')).thenThrows(InvalidInput);
    given(HISTORIES.accepted).when(table(ITEM, ' ')).thenThrows(InvalidInput);
  });
});

describe('contribution: considered at the meeting', () => {
  it('marks a tabled view considered at the item it was tabled at', () => {
    given(HISTORIES.tabled).when(consider()).then([CONSIDERED]);
  });

  it('refuses an item the view was not tabled at, or a view not tabled at all', () => {
    given(HISTORIES.tabled).when(consider('another-item')).thenThrows(RuleBroken, 'not-tabled-at-item');
    given(HISTORIES.accepted).when(consider()).thenThrows(RuleBroken, 'contribution-not-ready');
  });

  it('marks it considered at an item once', () => {
    given(HISTORIES.considered).when(consider()).thenThrows(RuleBroken, 'already-considered');
  });
});

describe('contribution: the answer ("we did") and closing', () => {
  it('records the board’s answer, linked to decisions and actions', () => {
    given(HISTORIES.considered).when(feedback('feedback-1')).then([RESPONDED]);
  });

  it('answers any accepted view, even one never tabled (a group answer to a call)', () => {
    const events = given(HISTORIES.accepted).when(feedback('feedback-1')).then([RESPONDED]);
    expect(fold(contributionDecider, [...HISTORIES.accepted, ...events]).status).toBe('responded');
  });

  it('applies one group answer to several views, each on its own stream', () => {
    const other = [
      submitted({ contributionId: 'view-2' }),
      { ...ACCEPTED, data: { ...ACCEPTED.data, contributionId: 'view-2' } },
    ];
    given(other)
      .when(command('RecordFeedback', { ...feedback('feedback-1').data, contributionId: 'view-2' }))
      .then([{ ...RESPONDED, data: { ...RESPONDED.data, contributionId: 'view-2' } }]);
    given(HISTORIES.tabled).when(feedback('feedback-1')).then([RESPONDED]);
  });

  it('takes a follow-up answer, but each answer once', () => {
    given(HISTORIES.responded)
      .when(feedback('feedback-2', 'The new hand-over started in May.'))
      .then([
        event('ContributionFeedbackRecorded', {
          feedbackId: 'feedback-2',
          text: 'The new hand-over started in May.',
          decisionIds: ['decision-7'],
          actionIds: ['action-3'],
          readingAge: { estimated: 9, limit: 11 },
        }),
      ]);
    given(HISTORIES.responded).when(feedback('feedback-1')).thenThrows(RuleBroken, 'feedback-already-recorded');
  });

  it('answers only views moderation accepted, in words within bounds', () => {
    given(HISTORIES.submitted).when(feedback('feedback-1')).thenThrows(RuleBroken, 'contribution-not-accepted');
    given(HISTORIES.considered).when(feedback('feedback-1', ' ')).thenThrows(InvalidInput);
    given(HISTORIES.considered)
      .when(feedback('feedback-1', 'x'.repeat(5001)))
      .thenThrows(InvalidInput);
    given(HISTORIES.considered)
      .when(command('RecordFeedback', { feedbackId: 'f', text: 'We did.', decisionIds: ['d', 'd'], actionIds: [] }))
      .thenThrows(InvalidInput);
  });

  it('closes a view once it has been answered, and not before', () => {
    given(HISTORIES.responded)
      .when(close)
      .then([event('ContributionClosed', {})]);
    for (const name of ['accepted', 'tabled', 'considered'] as const) {
      given(HISTORIES[name]).when(close).thenThrows(RuleBroken, 'contribution-not-ready');
    }
  });

  it('takes no further step once closed', () => {
    given(HISTORIES.closed).when(close).thenThrows(RuleBroken, 'contribution-closed');
    given(HISTORIES.closed).when(feedback('feedback-2')).thenThrows(RuleBroken, 'contribution-closed');
    given(HISTORIES.closed).when(table('another-item')).thenThrows(RuleBroken, 'contribution-closed');
  });
});

import { fold, InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { meetingDecider } from './meeting.decider.js';
import { APPROVED, CLOSED, command, DRAFTED, event, MINUTED, PLACEMENTS } from './meeting.test-fixtures.js';

const { given } = givenWhenThen(meetingDecider);

const approve = (
  overrides: { approvedAtMeetingId?: string; corrections?: Array<{ itemId: string; text: string }> } = {},
) =>
  command('ApproveMinutes', { approvedAtMeetingId: 'meeting-2026-06', decisionId: 'decision-approve', ...overrides });

describe('minutes: drafting', () => {
  it('drafts the minutes once the meeting has closed', () => {
    given(CLOSED)
      .when(command('DraftMinutes', {}))
      .then([event('MinutesDrafted', {})]);
  });

  it('refuses to draft while the meeting is in progress, or twice', () => {
    given(MINUTED).when(command('DraftMinutes', {})).thenThrows(RuleBroken, 'meeting-not-closed');
    given(DRAFTED).when(command('DraftMinutes', {})).thenThrows(RuleBroken, 'minutes-already-drafted');
  });
});

describe('minutes: approval at the next meeting', () => {
  it('approves drafted minutes by a decision of a later meeting, with corrections', () => {
    const corrections = [{ itemId: PLACEMENTS.itemId, text: 'The board received the report and asked for a plan.' }];
    const decided = given(DRAFTED)
      .when(approve({ corrections }))
      .then([
        event('MinutesApproved', {
          approvedAtMeetingId: 'meeting-2026-06',
          decisionId: 'decision-approve',
          corrections,
        }),
      ]);
    const state = fold(meetingDecider, [...DRAFTED, ...decided]);
    expect(state.minutes[PLACEMENTS.itemId]).toBe(corrections[0].text);
    expect(state.approvedByDecisionId).toBe('decision-approve');
  });

  it('refuses approval at the meeting the minutes record', () => {
    given(DRAFTED)
      .when(approve({ approvedAtMeetingId: 'meeting-2026-04' }))
      .thenThrows(RuleBroken, 'minutes-approved-at-same-meeting');
  });

  it('refuses to approve minutes not yet drafted, or twice', () => {
    given(CLOSED).when(approve()).thenThrows(RuleBroken, 'minutes-not-drafted');
    given(APPROVED).when(approve()).thenThrows(RuleBroken, 'minutes-already-approved');
  });

  it('refuses corrections to items not on the agenda, or without text', () => {
    given(DRAFTED)
      .when(approve({ corrections: [{ itemId: 'nope', text: 'x' }] }))
      .thenThrows(RuleBroken, 'agenda-item-not-found');
    given(DRAFTED)
      .when(approve({ corrections: [{ itemId: PLACEMENTS.itemId, text: '' }] }))
      .thenThrows(InvalidInput);
  });
});

describe('minutes: publication', () => {
  it('publishes approved minutes', () => {
    given(APPROVED)
      .when(command('PublishMinutes', {}))
      .then([event('MinutesPublished', {})]);
  });

  it('refuses to publish minutes not approved, or twice', () => {
    given(DRAFTED).when(command('PublishMinutes', {})).thenThrows(RuleBroken, 'minutes-not-approved');
    given([...APPROVED, event('MinutesPublished', {})])
      .when(command('PublishMinutes', {}))
      .thenThrows(RuleBroken, 'minutes-already-published');
  });
});

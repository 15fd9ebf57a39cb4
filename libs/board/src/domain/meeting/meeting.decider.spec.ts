import { fold, InvalidInput, NotFound, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import type { MeetingEvent, MeetingScheduled } from './meeting.events.js';
import { meetingDecider, type MeetingCommand } from './meeting.decider.js';
import { canRecordDecisions } from './meeting.queries.js';
import {
  BOARD,
  command,
  event,
  MEMBERS,
  opened,
  PLACEMENTS,
  PUBLISHED,
  QUORATE_ATTENDANCE,
  SCHEDULED,
  STARTS_AT,
} from './meeting.test-fixtures.js';
import { STANDING_ITEMS } from './standing-items.js';

const { given } = givenWhenThen(meetingDecider);

const schedule = (overrides: Partial<Parameters<typeof command<'ScheduleMeeting'>>[1]> = {}) =>
  command('ScheduleMeeting', {
    title: 'Corporate Parenting Board',
    startsAt: STARTS_AT,
    endsAt: '2026-04-14T19:30:00+01:00',
    place: 'Council Chamber, County Hall',
    facts: BOARD,
    ...overrides,
  });
const meetingScheduled = SCHEDULED[0] as MeetingScheduled;

describe('meeting: scheduling', () => {
  it('schedules a meeting and offers the four standing items', () => {
    const standing = STANDING_ITEMS.map((item) => event('AgendaItemAdded', { ...item, standing: true }));
    given([])
      .when(schedule())
      .then([meetingScheduled, ...standing]);
    expect(standing.map((e) => e.data.itemId)).toEqual([
      'apologies',
      'declarations-of-interest',
      'minutes-of-last-meeting',
      'voice-of-children-and-young-people',
    ]);
  });

  it('tags the standing items only with principles the board lists', () => {
    const facts = { ...BOARD, principles: ['best-interests'] };
    const [, ...items] = given([])
      .when(schedule({ facts }))
      .then([
        event('MeetingScheduled', { ...meetingScheduled.data, principles: ['best-interests'] }),
        ...STANDING_ITEMS.map((item) => event('AgendaItemAdded', { ...item, principles: [], standing: true })),
      ]);
    expect(items).toHaveLength(4);
  });

  it('can leave the standing items out', () => {
    given([])
      .when(schedule({ standingItems: false }))
      .then([meetingScheduled]);
  });

  it('refuses to schedule the same meeting twice', () => {
    given(SCHEDULED).when(schedule()).thenThrows(RuleBroken, 'meeting-already-scheduled');
  });

  it('needs a place or an online link, a start with a time zone, and an end after the start', () => {
    const error = given([])
      .when(schedule({ place: undefined, startsAt: '2026-04-14T17:30:00', endsAt: '2026-04-14T16:00:00Z' }))
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['startsAt', 'place']);
    const ending = given([])
      .when(schedule({ endsAt: '2026-04-14T16:00:00Z' }))
      .thenThrows(InvalidInput);
    expect(ending.errors).toEqual([{ field: 'endsAt', reason: 'must be after startsAt' }]);
  });

  it('accepts an online meeting with an https link only', () => {
    const online = { place: undefined, onlineLink: 'https://meet.example/cpb' };
    given([])
      .when(schedule({ ...online, standingItems: false }))
      .then([event('MeetingScheduled', { ...meetingScheduled.data, ...online })]);
    const error = given([])
      .when(schedule({ onlineLink: 'http://meet.example/cpb' }))
      .thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['onlineLink']);
  });

  it('needs the board facts from the handler', () => {
    const facts = { ...BOARD, quorum: undefined as unknown as number };
    const error = given([]).when(schedule({ facts })).thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['facts.quorum']);
  });
});

describe('meeting: rescheduling', () => {
  const later = { startsAt: '2026-04-21T17:30:00+01:00' };

  it('moves the meeting, keeping the venue when none is given', () => {
    given(SCHEDULED)
      .when(command('RescheduleMeeting', { ...later, reason: 'Clash with full council' }))
      .then([
        event('MeetingRescheduled', {
          ...later,
          place: 'Council Chamber, County Hall',
          reason: 'Clash with full council',
        }),
      ]);
  });

  it('moves a meeting with a published agenda later without further ado', () => {
    given(PUBLISHED)
      .when(command('RescheduleMeeting', later))
      .then([event('MeetingRescheduled', { ...later, place: 'Council Chamber, County Hall' })]);
  });

  it('refuses to move it earlier than its published agenda’s notice allows, unless urgent', () => {
    const earlier = { startsAt: '2026-04-13T17:30:00+01:00' };
    given(PUBLISHED).when(command('RescheduleMeeting', earlier)).thenThrows(RuleBroken, 'late-agenda');
    given(PUBLISHED)
      .when(command('RescheduleMeeting', { ...earlier, urgencyReason: 'Budget deadline' }))
      .then([
        event('MeetingRescheduled', {
          ...earlier,
          place: 'Council Chamber, County Hall',
          urgencyReason: 'Budget deadline',
        }),
      ]);
  });

  it('refuses once the meeting has opened', () => {
    given(opened()).when(command('RescheduleMeeting', later)).thenThrows(RuleBroken, 'meeting-already-opened');
  });

  it('does not know a meeting never scheduled', () => {
    given([]).when(command('RescheduleMeeting', later)).thenThrows(NotFound);
  });
});

describe('meeting: cancelling', () => {
  it('cancels with a reason', () => {
    given(PUBLISHED)
      .when(command('CancelMeeting', { reason: 'Not enough business' }))
      .then([event('MeetingCancelled', { reason: 'Not enough business' })]);
  });

  it('requires the reason', () => {
    given(SCHEDULED)
      .when(command('CancelMeeting', { reason: '  ' }))
      .thenThrows(InvalidInput);
  });

  it('refuses to cancel a meeting that has opened (adjourn it instead)', () => {
    given(opened())
      .when(command('CancelMeeting', { reason: 'Fire alarm' }))
      .thenThrows(RuleBroken, 'meeting-already-opened');
  });

  it('refuses everything once cancelled', () => {
    const cancelled = [...SCHEDULED, event('MeetingCancelled', { reason: 'Not enough business' })];
    given(cancelled).when(command('PublishAgenda', {})).thenThrows(RuleBroken, 'meeting-cancelled');
  });
});

describe('meeting: a whole cycle', () => {
  it('goes from scheduled to published minutes, deciding only while in progress and quorate', () => {
    const steps: Array<[MeetingCommand, string]> = [
      [command('PublishAgenda', { at: '2026-04-01T09:00:00+01:00' }), 'agenda-published'],
      [
        command('OpenMeeting', {
          attendance: QUORATE_ATTENDANCE,
          facts: { members: MEMBERS, quorum: 3 },
          at: STARTS_AT,
        }),
        'in-progress',
      ],
      [
        command('DeclareInterest', { memberId: 'cllr-evans', itemId: PLACEMENTS.itemId, nature: 'Foster carer' }),
        'in-progress',
      ],
      [command('RecordMinutes', { itemId: PLACEMENTS.itemId, text: 'Agreed.' }), 'in-progress'],
      [command('CloseMeeting', {}), 'closed'],
      [command('DraftMinutes', {}), 'minutes-drafted'],
      [command('ApproveMinutes', { approvedAtMeetingId: 'meeting-2026-06', decisionId: 'd-1' }), 'minutes-approved'],
      [command('PublishMinutes', {}), 'minutes-published'],
    ];
    let history: MeetingEvent[] = [...SCHEDULED];
    const seen: Array<[string, boolean]> = [];
    for (const [step, status] of steps) {
      history = [...history, ...meetingDecider.decide(step, fold(meetingDecider, history))];
      const state = fold(meetingDecider, history);
      expect(state.status).toBe(status);
      seen.push([state.status, canRecordDecisions(state)]);
    }
    expect(seen.filter(([, can]) => can).map(([status]) => status)).toEqual([
      'in-progress',
      'in-progress',
      'in-progress',
    ]);
  });
});

import { InvalidInput, RuleBroken } from '#kernel';
import { givenWhenThen } from '#testing';
import { decisionDecider } from '../decision/decision.decider.js';
import { MEETING, record, recorded } from '../decision/decision.test-fixtures.js';
import { longDate } from './meeting-day.rules.js';
import { meetingDecider } from './meeting.decider.js';
import {
  command,
  event,
  MEMBERS,
  PUBLISHED,
  QUORATE_ATTENDANCE,
  scheduledWith,
  STARTS_AT,
} from './meeting.test-fixtures.js';

// A meeting is held on its day (Tuesday 14 April 2026, 17:30 BST): it is not opened, and nothing is
// decided at it, on an earlier London day, whatever offset the clock's instant is written with.

const meetings = givenWhenThen(meetingDecider);
const decisions = givenWhenThen(decisionDecider);

const openAt = (at: string) =>
  command('OpenMeeting', { attendance: QUORATE_ATTENDANCE, facts: { members: MEMBERS, quorum: 3 }, at });
const openedAt = (at: string) =>
  event('MeetingOpened', { attendance: QUORATE_ATTENDANCE, quorum: 3, presentCount: 3, quorate: true, at });
const decideAt = (at: string, startsAt = STARTS_AT) =>
  record({ at, facts: { ...record().data.facts, meeting: { ...MEETING, startsAt } } });

describe('meeting: opened on its day, not before', () => {
  it.each([
    ['at the time it was called for', STARTS_AT],
    ['early on the day, London time', '2026-04-14T00:00:00+01:00'],
    ['on the day, the instant written in UTC', '2026-04-13T23:30:00Z'],
    ['later that evening', '2026-04-14T23:59:00+01:00'],
    ['on a later day (a meeting held late)', '2026-04-15T10:00:00+01:00'],
  ])('opens %s', (_, at) => {
    meetings
      .given(PUBLISHED)
      .when(openAt(at))
      .then([openedAt(at)]);
  });

  it.each([
    ['the day before', '2026-04-13T17:30:00+01:00'],
    ['at 23:59 on the eve, London time (22:59 UTC)', '2026-04-13T22:59:00Z'],
    ['weeks before, when its agenda was published', '2026-04-06T12:00:00+01:00'],
  ])('refuses to open it %s, saying on which day it can be', (_, at) => {
    const error = meetings.given(PUBLISHED).when(openAt(at)).thenThrows(RuleBroken, 'before-meeting-day');
    expect(error.message).toBe('This meeting is on Tuesday 14 April 2026: it can be opened on that day, not before.');
    expect(error.details).toEqual({
      meetingOn: '2026-04-14',
      today: at.startsWith('2026-04-06') ? '2026-04-06' : '2026-04-13',
    });
  });

  it('counts the day in London in winter too (GMT): 23:30 UTC on the 2nd is still the 2nd', () => {
    const winter = [...scheduledWith({ startsAt: '2026-12-03T17:30:00Z' }), ...PUBLISHED.slice(-1)];
    meetings.given(winter).when(openAt('2026-12-02T23:30:00Z')).thenThrows(RuleBroken, 'before-meeting-day');
    meetings
      .given(winter)
      .when(openAt('2026-12-03T00:00:00Z'))
      .then([openedAt('2026-12-03T00:00:00Z')]);
  });

  it('follows the meeting when it is moved: a meeting rescheduled to an earlier day opens on that day', () => {
    const moved = [
      ...PUBLISHED,
      event('MeetingRescheduled', {
        startsAt: '2026-04-13T17:30:00+01:00',
        place: 'Council Chamber, County Hall',
        urgencyReason: 'The chamber is needed on the 14th',
      }),
    ];
    meetings
      .given(moved)
      .when(openAt('2026-04-13T17:30:00+01:00'))
      .then([openedAt('2026-04-13T17:30:00+01:00')]);
  });

  it('still answers the sharper reason first: an unpublished agenda, a meeting already open', () => {
    meetings
      .given(PUBLISHED.slice(0, -1))
      .when(openAt('2026-04-01T09:00:00+01:00'))
      .thenThrows(RuleBroken, 'agenda-not-published');
    meetings
      .given([...PUBLISHED, openedAt(STARTS_AT)])
      .when(openAt('2026-04-01T09:00:00+01:00'))
      .thenThrows(RuleBroken, 'meeting-already-opened');
  });
});

describe('decision: recorded at its meeting on the meeting day, not before', () => {
  it('records a decision on the meeting day, and after it', () => {
    decisions
      .given([])
      .when(decideAt('2026-04-14T18:10:00+01:00'))
      .then([recorded({ at: '2026-04-14T18:10:00+01:00' })]);
    decisions
      .given([])
      .when(decideAt('2026-04-15T00:10:00+01:00'))
      .then([recorded({ at: '2026-04-15T00:10:00+01:00' })]);
  });

  it('refuses a decision dated before the meeting’s day, in the rule’s words', () => {
    const error = decisions
      .given([])
      .when(decideAt('2026-04-13T22:00:00Z'))
      .thenThrows(RuleBroken, 'before-meeting-day');
    expect(error.message).toBe(
      'This meeting is on Tuesday 14 April 2026: decisions can be recorded at it on that day, not before.',
    );
    expect(error.details).toEqual({ meetingOn: '2026-04-14', today: '2026-04-13' });
  });

  it('needs to know when the meeting starts', () => {
    const error = decisions.given([]).when(decideAt(record().data.at, 'next Tuesday')).thenThrows(InvalidInput);
    expect(error.errors.map((e) => e.field)).toEqual(['facts.meeting.startsAt']);
  });
});

describe('the day in words', () => {
  it.each([
    ['2026-04-14', 'Tuesday 14 April 2026'],
    ['2026-01-01', 'Thursday 1 January 2026'],
    ['2028-02-29', 'Tuesday 29 February 2028'],
  ])('%s is %s', (date, words) => {
    expect(longDate(date)).toBe(words);
  });
});

import { RuleBroken, checkInput, type Rules } from '#kernel';
import { countPresent } from './attendance.js';
import {
  ATTENDANCE_STATUSES,
  type Attendance,
  type MeetingCommandOf,
  type OpenMeetingFacts,
} from './meeting.commands.js';
import type { MeetingEvent } from './meeting.events.js';
import { refuseStatus, requireActiveItem, requireStatus } from './meeting.guards.js';
import { requireMeetingDay } from './meeting-day.rules.js';
import type { MeetingState } from './meeting.state.js';

export type OpenMeeting = MeetingCommandOf<
  'OpenMeeting',
  { readonly attendance: readonly Attendance[]; readonly facts: OpenMeetingFacts }
>;

export type DeclareInterest = MeetingCommandOf<
  'DeclareInterest',
  { readonly memberId: string; readonly itemId: string; readonly nature: string }
>;

/** Someone present (a member or a substitute) leaves before the meeting ends: the quorum is counted again. */
export type RecordDeparture = MeetingCommandOf<'RecordDeparture', { readonly memberId: string }>;

/**
 * Someone on the attendance list who is not present (they sent apologies, were absent or left) arrives
 * while the meeting is in progress: they count towards the quorum again, so an inquorate meeting can
 * become quorate. A substitute who left comes back as the substitute.
 */
export type RecordArrival = MeetingCommandOf<'RecordArrival', { readonly memberId: string }>;

export type RecordMinutes = MeetingCommandOf<'RecordMinutes', { readonly itemId: string; readonly text: string }>;

export type CloseMeeting = MeetingCommandOf<'CloseMeeting', object>;

export type AdjournMeeting = MeetingCommandOf<'AdjournMeeting', { readonly reason: string }>;

export type ProceedingsCommand =
  OpenMeeting | DeclareInterest | RecordDeparture | RecordArrival | RecordMinutes | CloseMeeting | AdjournMeeting;

export function openMeeting({ data }: OpenMeeting, state: MeetingState): MeetingEvent[] {
  const attendance = data.attendance;
  checkInput()
    .that(
      Array.isArray(attendance) && attendance.every(isAttendance),
      'attendance',
      'each entry needs a member and a status; substitutes name whom they replace',
    )
    .that(
      Array.isArray(attendance) && new Set(attendance.map((a) => a?.memberId)).size === attendance.length,
      'attendance',
      'lists a person twice',
    )
    .that(Array.isArray(data.facts?.members), 'facts.members', 'is required')
    .that(
      Number.isInteger(data.facts?.quorum) && data.facts.quorum >= 2,
      'facts.quorum',
      'must be a whole number of at least 2',
    )
    .instant('at', data.at)
    .done();
  refuseStatus(state, ['scheduled'], 'agenda-not-published', 'Publish the agenda before opening the meeting.');
  requireStatus(state, ['agenda-published'], 'meeting-already-opened', 'The meeting has already been opened.');
  requireMeetingDay(state.startsAt, data.at, 'it can be opened');
  const presentCount = countPresent(attendance, data.facts.members);
  const quorum = data.facts.quorum;
  const { meetingId, at } = data;
  return [
    {
      type: 'MeetingOpened',
      data: { meetingId, attendance, quorum, presentCount, quorate: presentCount >= quorum, at },
    },
  ];
}

export function declareInterest({ data }: DeclareInterest, state: MeetingState): MeetingEvent[] {
  checkInput()
    .text('memberId', data.memberId)
    .text('itemId', data.itemId)
    .text('nature', data.nature)
    .instant('at', data.at)
    .done();
  requireStatus(
    state,
    ['in-progress'],
    'meeting-not-in-progress',
    'Interests are declared at the meeting, while it is in progress.',
  );
  requireActiveItem(state, data.itemId);
  const attends = state.attendance.some(
    (a) => a.memberId === data.memberId && (a.status === 'present' || a.status === 'substitute'),
  );
  if (!attends) {
    throw new RuleBroken('not-in-attendance', 'Only someone present at the meeting can declare an interest.');
  }
  if (state.interests.some((i) => i.memberId === data.memberId && i.itemId === data.itemId)) {
    throw new RuleBroken('interest-already-declared', 'This member has already declared an interest in this item.');
  }
  const { meetingId, memberId, itemId, nature, at } = data;
  return [{ type: 'InterestDeclared', data: { meetingId, memberId, itemId, nature, at } }];
}

/**
 * Someone present leaves: they count no more towards the quorum (each person present or substituting
 * counted once when the meeting opened), and a meeting left inquorate can make no more decisions.
 */
export function recordDeparture({ data }: RecordDeparture, state: MeetingState): MeetingEvent[] {
  checkInput().text('memberId', data.memberId).instant('at', data.at).done();
  requireStatus(
    state,
    ['in-progress'],
    'meeting-not-in-progress',
    'Someone can leave a meeting only while it is in progress.',
  );
  const present = state.attendance.some(
    (a) => a.memberId === data.memberId && (a.status === 'present' || a.status === 'substitute'),
  );
  if (!present) throw new RuleBroken('not-in-attendance', 'Only someone present at the meeting can leave it.');
  const { meetingId, memberId, at } = data;
  const presentCount = state.presentCount - 1;
  return [
    { type: 'MemberLeft', data: { meetingId, memberId, presentCount, quorate: presentCount >= state.quorum, at } },
  ];
}

export function recordArrival({ data }: RecordArrival, state: MeetingState): MeetingEvent[] {
  checkInput().text('memberId', data.memberId).instant('at', data.at).done();
  requireStatus(
    state,
    ['in-progress'],
    'meeting-not-in-progress',
    'Someone can join a meeting only while it is in progress.',
  );
  const entry = state.attendance.find((a) => a.memberId === data.memberId);
  if (!entry) {
    throw new RuleBroken(
      'not-on-attendance-list',
      "Only someone on the meeting's attendance list can arrive; a substitute is named when the meeting opens.",
    );
  }
  if (entry.status === 'present' || entry.status === 'substitute') {
    throw new RuleBroken('already-present', 'This person is already present.');
  }
  const present = (memberId: string) => state.attendance.some((a) => a.memberId === memberId && a.status === 'present');
  const substitutePresent = (memberId: string) =>
    state.attendance.some((a) => a.status === 'substitute' && a.substituteFor === memberId);
  // Each member counts once: in person or through their substitute, never both.
  if (entry.substituteFor !== undefined && present(entry.substituteFor)) {
    throw new RuleBroken('member-present', 'The member this substitute stood in for is present now.');
  }
  if (entry.substituteFor === undefined && substitutePresent(data.memberId)) {
    throw new RuleBroken(
      'substitute-present',
      "This member's substitute is present: record the substitute leaving first.",
    );
  }
  const { meetingId, memberId, at } = data;
  const presentCount = state.presentCount + 1;
  const status = entry.substituteFor === undefined ? 'present' : 'substitute';
  return [
    {
      type: 'MemberArrived',
      data: { meetingId, memberId, status, presentCount, quorate: presentCount >= state.quorum, at },
    },
  ];
}

export function recordMinutes({ data }: RecordMinutes, state: MeetingState): MeetingEvent[] {
  checkInput().text('itemId', data.itemId).text('text', data.text).instant('at', data.at).done();
  // Approved minutes are the record: they never change.
  refuseStatus(
    state,
    ['minutes-approved', 'minutes-published'],
    'minutes-approved',
    'The minutes have been approved and cannot change.',
  );
  requireStatus(
    state,
    ['in-progress', 'closed', 'adjourned', 'minutes-drafted'],
    'meeting-not-held',
    'The meeting has not been held yet.',
  );
  requireActiveItem(state, data.itemId);
  const { meetingId, itemId, text, at } = data;
  return [{ type: 'MinutesRecorded', data: { meetingId, itemId, text, at } }];
}

export function closeMeeting({ data }: CloseMeeting, state: MeetingState): MeetingEvent[] {
  checkInput().instant('at', data.at).done();
  requireStatus(state, ['in-progress'], 'meeting-not-in-progress', 'Only a meeting in progress can be closed.');
  return [{ type: 'MeetingClosed', data: { meetingId: data.meetingId, at: data.at } }];
}

export function adjournMeeting({ data }: AdjournMeeting, state: MeetingState): MeetingEvent[] {
  checkInput().text('reason', data.reason).instant('at', data.at).done();
  requireStatus(state, ['in-progress'], 'meeting-not-in-progress', 'Only a meeting in progress can be adjourned.');
  const { meetingId, reason, at } = data;
  return [{ type: 'MeetingAdjourned', data: { meetingId, reason, at } }];
}

function isAttendance(entry: Attendance): boolean {
  if (typeof entry?.memberId !== 'string' || entry.memberId.trim() === '') return false;
  if (!ATTENDANCE_STATUSES.includes(entry.status)) return false;
  return entry.status === 'substitute' ? typeof entry.substituteFor === 'string' : entry.substituteFor === undefined;
}

/** Each of this stage's commands and the rule that decides it. */
export const proceedingsRules: Rules<ProceedingsCommand, MeetingEvent, MeetingState> = {
  OpenMeeting: openMeeting,
  DeclareInterest: declareInterest,
  RecordDeparture: recordDeparture,
  RecordArrival: recordArrival,
  RecordMinutes: recordMinutes,
  CloseMeeting: closeMeeting,
  AdjournMeeting: adjournMeeting,
};

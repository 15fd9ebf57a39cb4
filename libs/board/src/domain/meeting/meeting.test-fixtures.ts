// Shared givens for the meeting specs: a Tuesday meeting just after Easter 2026 in England,
// whose agenda must be out by Monday 6 April (5 clear working days, Easter Monday skipped).
import type { BoardFacts, ServingMember } from '../board/board.queries.js';
import { CORPORATE_PARENTING_PRINCIPLES } from '../board/corporate-parenting-principles.js';
import { DEFAULT_THEMES } from '../board/default-themes.js';
import type { AgendaItemInput, Attendance } from './meeting.commands.js';
import type { MeetingCommand } from './meeting.decider.js';
import type { MeetingEvent, MeetingScheduled } from './meeting.events.js';
import { STANDING_ITEMS } from './standing-items.js';

export const MEETING_ID = 'meeting-2026-04';
export const AT = '2026-03-02T09:00:00Z';
export const STARTS_AT = '2026-04-14T17:30:00+01:00';
export const PUBLISHED_AT = '2026-04-06T12:00:00+01:00';

export const BOARD: BoardFacts = {
  jurisdiction: 'england',
  quorum: 3,
  themes: DEFAULT_THEMES.map((t) => t.code),
  principles: CORPORATE_PARENTING_PRINCIPLES.map((p) => p.code),
};

export const MEMBERS: readonly ServingMember[] = [
  { memberId: 'chair', role: 'chair' },
  { memberId: 'cllr-evans', role: 'councillor' },
  { memberId: 'dcs', role: 'officer' },
  { memberId: 'yp-rep', role: 'young-person-representative' },
  { memberId: 'health', role: 'partner' },
];

type CommandOf<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;
type EventOf<T extends MeetingEvent['type']> = Extract<MeetingEvent, { type: T }>;

/** A command for the fixture meeting; meetingId and at are filled in unless given. */
export function command<T extends MeetingCommand['type']>(
  type: T,
  data: Omit<CommandOf<T>['data'], 'meetingId' | 'at'> & { at?: string },
): CommandOf<T> {
  return { type, data: { meetingId: MEETING_ID, at: AT, ...data } } as unknown as CommandOf<T>;
}

export function event<T extends MeetingEvent['type']>(
  type: T,
  data: Omit<EventOf<T>['data'], 'meetingId' | 'at'> & { at?: string },
): EventOf<T> {
  return { type, data: { meetingId: MEETING_ID, at: AT, ...data } } as unknown as EventOf<T>;
}

export const PLACEMENTS: AgendaItemInput = {
  itemId: 'placement-stability-report',
  title: 'Placement stability: quarterly report',
  purpose: 'decision',
  lead: 'Director of Children’s Services',
  themes: ['placement-stability'],
  principles: ['safe-and-stable'],
  papers: [{ title: 'Quarterly report', fileRef: 'file-123' }],
  restricted: false,
};

export const SCHEDULED: readonly MeetingEvent[] = [
  event('MeetingScheduled', {
    title: 'Corporate Parenting Board',
    startsAt: STARTS_AT,
    endsAt: '2026-04-14T19:30:00+01:00',
    place: 'Council Chamber, County Hall',
    jurisdiction: BOARD.jurisdiction,
    quorum: BOARD.quorum,
    themes: BOARD.themes,
    principles: BOARD.principles,
  }),
  ...STANDING_ITEMS.map((item) => event('AgendaItemAdded', { ...item, standing: true })),
  event('AgendaItemAdded', { ...PLACEMENTS, standing: false }),
];

/** The same history, with a different start or jurisdiction. */
export function scheduledWith(changes: Partial<MeetingScheduled['data']>): readonly MeetingEvent[] {
  const [first, ...rest] = SCHEDULED as [MeetingScheduled, ...MeetingEvent[]];
  return [{ ...first, data: { ...first.data, ...changes } }, ...rest];
}

export const PUBLISHED: readonly MeetingEvent[] = [
  ...SCHEDULED,
  event('AgendaPublished', {
    publishedOn: '2026-04-06',
    meetingOn: '2026-04-14',
    clearWorkingDays: 5,
    requiredClearWorkingDays: 5,
    latestOn: '2026-04-06',
    at: PUBLISHED_AT,
  }),
];

export const QUORATE_ATTENDANCE: readonly Attendance[] = [
  { memberId: 'chair', status: 'present' },
  { memberId: 'cllr-evans', status: 'present' },
  { memberId: 'sub-1', status: 'substitute', substituteFor: 'dcs' },
  { memberId: 'yp-rep', status: 'apologies' },
  { memberId: 'health', status: 'absent' },
];

export const opened = (quorate = true): readonly MeetingEvent[] => [
  ...PUBLISHED,
  event('MeetingOpened', {
    attendance: quorate ? QUORATE_ATTENDANCE : QUORATE_ATTENDANCE.slice(0, 2),
    quorum: 3,
    presentCount: quorate ? 3 : 2,
    quorate,
    at: STARTS_AT,
  }),
];

export const MINUTED: readonly MeetingEvent[] = [
  ...opened(),
  event('MinutesRecorded', { itemId: PLACEMENTS.itemId, text: 'The board received the report.' }),
];

export const CLOSED: readonly MeetingEvent[] = [...MINUTED, event('MeetingClosed', {})];
export const DRAFTED: readonly MeetingEvent[] = [...CLOSED, event('MinutesDrafted', {})];
export const APPROVED: readonly MeetingEvent[] = [
  ...DRAFTED,
  event('MinutesApproved', { approvedAtMeetingId: 'meeting-2026-06', decisionId: 'decision-approve', corrections: [] }),
];

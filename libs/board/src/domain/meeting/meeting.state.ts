import type { Jurisdiction } from '../jurisdiction.js';
import type { AgendaItemInput, Attendance, Venue } from './meeting.commands.js';
import type { MeetingEvent } from './meeting.events.js';

export type MeetingStatus =
  | 'unscheduled'
  | 'scheduled'
  | 'agenda-published'
  | 'in-progress'
  | 'closed'
  | 'adjourned'
  | 'minutes-drafted'
  | 'minutes-approved'
  | 'minutes-published'
  | 'cancelled';

export interface AgendaItem extends AgendaItemInput {
  readonly standing: boolean;
  readonly withdrawn: boolean;
  readonly urgencyReason?: string;
}

export interface Interest {
  readonly memberId: string;
  readonly itemId: string;
  readonly nature: string;
}

export interface MeetingState {
  readonly status: MeetingStatus;
  readonly meetingId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt?: string;
  readonly venue: Venue;
  readonly jurisdiction: Jurisdiction;
  readonly themes: readonly string[];
  readonly principles: readonly string[];
  /** In agenda order; withdrawn items stay, flagged, after the others. */
  readonly agenda: readonly AgendaItem[];
  readonly agendaPublishedAt?: string;
  readonly attendance: readonly Attendance[];
  readonly quorum: number;
  readonly presentCount: number;
  readonly quorate: boolean;
  readonly interests: readonly Interest[];
  /** The latest minutes per item id. */
  readonly minutes: Readonly<Record<string, string>>;
  readonly approvedByDecisionId?: string;
}

export const initialMeetingState = (): MeetingState => ({
  status: 'unscheduled',
  meetingId: '',
  title: '',
  startsAt: '',
  venue: {},
  jurisdiction: 'england',
  themes: [],
  principles: [],
  agenda: [],
  attendance: [],
  quorum: 0,
  presentCount: 0,
  quorate: false,
  interests: [],
  minutes: {},
});

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingScheduled': {
      const { meetingId, title, startsAt, endsAt, place, onlineLink, jurisdiction, quorum, themes, principles } =
        event.data;
      const venue = { place, onlineLink };
      return {
        ...state,
        status: 'scheduled',
        meetingId,
        title,
        startsAt,
        endsAt,
        venue,
        jurisdiction,
        quorum,
        themes,
        principles,
      };
    }
    case 'MeetingRescheduled': {
      const { startsAt, endsAt, place, onlineLink } = event.data;
      return { ...state, startsAt, endsAt, venue: { place, onlineLink } };
    }
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
    case 'AgendaItemAdded': {
      const { meetingId: _m, at: _at, ...item } = event.data;
      return { ...state, agenda: [...state.agenda, { ...item, withdrawn: false }] };
    }
    case 'AgendaItemWithdrawn': {
      const withdrawn = state.agenda.find((item) => item.itemId === event.data.itemId);
      if (!withdrawn) return state;
      const others = state.agenda.filter((item) => item !== withdrawn);
      return { ...state, agenda: [...others, { ...withdrawn, withdrawn: true }] };
    }
    case 'AgendaReordered': {
      const position = (id: string) => {
        const index = event.data.itemIds.indexOf(id);
        return index === -1 ? Number.MAX_SAFE_INTEGER : index;
      };
      const agenda = [...state.agenda].sort((a, b) => position(a.itemId) - position(b.itemId));
      return { ...state, agenda };
    }
    case 'AgendaPublished':
      return { ...state, status: 'agenda-published', agendaPublishedAt: event.data.at };
    case 'MeetingOpened': {
      const { attendance, quorum, presentCount, quorate } = event.data;
      return { ...state, status: 'in-progress', attendance, quorum, presentCount, quorate };
    }
    case 'InterestDeclared': {
      const { memberId, itemId, nature } = event.data;
      return { ...state, interests: [...state.interests, { memberId, itemId, nature }] };
    }
    case 'MemberLeft': {
      const { memberId, presentCount, quorate } = event.data;
      // A substitute who leaves still stood in for their member, should they come back.
      const attendance = state.attendance.map((a) =>
        a.memberId === memberId ? { ...a, status: 'absent' as const } : a,
      );
      return { ...state, attendance, presentCount, quorate };
    }
    case 'MemberArrived': {
      const { memberId, status, presentCount, quorate } = event.data;
      const attendance = state.attendance.map((a) => (a.memberId === memberId ? { ...a, status } : a));
      return { ...state, attendance, presentCount, quorate };
    }
    case 'MinutesRecorded':
      return { ...state, minutes: { ...state.minutes, [event.data.itemId]: event.data.text } };
    case 'MeetingClosed':
      return { ...state, status: 'closed' };
    case 'MeetingAdjourned':
      return { ...state, status: 'adjourned' };
    case 'MinutesDrafted':
      return { ...state, status: 'minutes-drafted' };
    case 'MinutesApproved': {
      const corrected = Object.fromEntries(event.data.corrections.map((c) => [c.itemId, c.text]));
      return {
        ...state,
        status: 'minutes-approved',
        minutes: { ...state.minutes, ...corrected },
        approvedByDecisionId: event.data.decisionId,
      };
    }
    case 'MinutesPublished':
      return { ...state, status: 'minutes-published' };
  }
}

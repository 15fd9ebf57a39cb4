import type { FoldableEvent } from './decision-as-at.js';

// A meeting as it stood at a moment, folded from its stream: the same state as the board's meeting
// evolve (the spec compares them event by event), with loose types since the audit reads the log.

type Data = Readonly<Record<string, unknown>>;

export interface AgendaItemThen extends Data {
  readonly itemId: string;
  readonly withdrawn: boolean;
}

export interface MeetingAsAt {
  readonly status: string;
  readonly meetingId: string;
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt?: string;
  readonly venue: { readonly place?: string; readonly onlineLink?: string };
  readonly jurisdiction: string;
  readonly themes: readonly string[];
  readonly principles: readonly string[];
  readonly agenda: readonly AgendaItemThen[];
  readonly agendaPublishedAt?: string;
  readonly attendance: readonly Data[];
  readonly quorum: number;
  readonly presentCount: number;
  readonly quorate: boolean;
  readonly interests: ReadonlyArray<{ memberId: string; itemId: string; nature: string }>;
  readonly minutes: Readonly<Record<string, string>>;
  readonly approvedByDecisionId?: string;
}

export const initialMeetingAsAt = (): MeetingAsAt => ({
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

const str = (value: unknown): string => String(value);

export function evolveMeetingAsAt(state: MeetingAsAt, event: FoldableEvent): MeetingAsAt {
  const d = event.data as Data;
  switch (event.type) {
    case 'MeetingScheduled':
      return {
        ...state,
        status: 'scheduled',
        meetingId: str(d.meetingId),
        title: str(d.title),
        startsAt: str(d.startsAt),
        endsAt: d.endsAt as string | undefined,
        venue: { place: d.place as string | undefined, onlineLink: d.onlineLink as string | undefined },
        jurisdiction: str(d.jurisdiction),
        quorum: Number(d.quorum),
        themes: d.themes as string[],
        principles: d.principles as string[],
      };
    case 'MeetingRescheduled':
      return {
        ...state,
        startsAt: str(d.startsAt),
        endsAt: d.endsAt as string | undefined,
        venue: { place: d.place as string | undefined, onlineLink: d.onlineLink as string | undefined },
      };
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
    case 'AgendaItemAdded': {
      const { meetingId: _m, at: _at, ...item } = d;
      return { ...state, agenda: [...state.agenda, { ...item, itemId: str(item.itemId), withdrawn: false }] };
    }
    case 'AgendaItemWithdrawn': {
      const withdrawn = state.agenda.find((item) => item.itemId === d.itemId);
      if (!withdrawn) return state;
      const others = state.agenda.filter((item) => item !== withdrawn);
      return { ...state, agenda: [...others, { ...withdrawn, withdrawn: true }] };
    }
    case 'AgendaReordered': {
      const order = d.itemIds as readonly string[];
      const rank = (id: string) => (order.indexOf(id) === -1 ? Number.MAX_SAFE_INTEGER : order.indexOf(id));
      return { ...state, agenda: [...state.agenda].sort((a, b) => rank(a.itemId) - rank(b.itemId)) };
    }
    case 'AgendaPublished':
      return { ...state, status: 'agenda-published', agendaPublishedAt: str(d.at) };
    case 'MeetingOpened':
      return {
        ...state,
        status: 'in-progress',
        attendance: d.attendance as Data[],
        quorum: Number(d.quorum),
        presentCount: Number(d.presentCount),
        quorate: d.quorate === true,
      };
    case 'InterestDeclared':
      return {
        ...state,
        interests: [...state.interests, { memberId: str(d.memberId), itemId: str(d.itemId), nature: str(d.nature) }],
      };
    case 'MinutesRecorded':
      return { ...state, minutes: { ...state.minutes, [str(d.itemId)]: str(d.text) } };
    case 'MeetingClosed':
      return { ...state, status: 'closed' };
    case 'MeetingAdjourned':
      return { ...state, status: 'adjourned' };
    case 'MinutesDrafted':
      return { ...state, status: 'minutes-drafted' };
    case 'MinutesApproved': {
      const corrections = d.corrections as ReadonlyArray<{ itemId: string; text: string }>;
      const corrected = Object.fromEntries(corrections.map((c) => [c.itemId, c.text]));
      return {
        ...state,
        status: 'minutes-approved',
        minutes: { ...state.minutes, ...corrected },
        approvedByDecisionId: str(d.decisionId),
      };
    }
    case 'MinutesPublished':
      return { ...state, status: 'minutes-published' };
    default:
      return state;
  }
}

export function foldMeetingAsAt(events: readonly FoldableEvent[]): MeetingAsAt {
  return events.reduce(evolveMeetingAsAt, initialMeetingAsAt());
}

import type { DomainCommand } from '#kernel';
import type { BoardFacts, ServingMember } from '../board/board.queries.js';

export const AGENDA_ITEM_PURPOSES = ['decision', 'discussion', 'information'] as const;
export type AgendaItemPurpose = (typeof AGENDA_ITEM_PURPOSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'substitute'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** A paper is a link or an uploaded file's reference, never both. */
export interface Paper {
  readonly title: string;
  readonly link?: string;
  readonly fileRef?: string;
}

export interface Attendance {
  readonly memberId: string;
  readonly status: AttendanceStatus;
  /** With status 'substitute': the board member this person stands in for. */
  readonly substituteFor?: string;
}

export interface Venue {
  readonly place?: string;
  readonly onlineLink?: string;
}

type MeetingCommandOf<Type extends string, Data> = DomainCommand<
  Type,
  Data & { readonly meetingId: string; readonly at: string }
>;

/** facts: read by the handler from the board stream (see boardFacts). */
export type ScheduleMeeting = MeetingCommandOf<
  'ScheduleMeeting',
  Venue & {
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt?: string;
    /** Offer the standing items (default true). */
    readonly standingItems?: boolean;
    readonly facts: BoardFacts;
  }
>;

export type RescheduleMeeting = MeetingCommandOf<
  'RescheduleMeeting',
  Venue & {
    readonly startsAt: string;
    readonly endsAt?: string;
    readonly reason?: string;
    readonly urgencyReason?: string;
  }
>;

export type CancelMeeting = MeetingCommandOf<'CancelMeeting', { readonly reason: string }>;

export interface AgendaItemInput {
  readonly itemId: string;
  readonly title: string;
  readonly purpose: AgendaItemPurpose;
  readonly lead: string;
  readonly themes: readonly string[];
  readonly principles: readonly string[];
  readonly papers: readonly Paper[];
  /** Exempt information: taken in private, its papers not published. */
  readonly restricted: boolean;
}

export type AddAgendaItem = MeetingCommandOf<'AddAgendaItem', AgendaItemInput & { readonly urgencyReason?: string }>;

export type WithdrawAgendaItem = MeetingCommandOf<
  'WithdrawAgendaItem',
  { readonly itemId: string; readonly reason?: string }
>;

/** The full order of the items still on the agenda. */
export type ReorderAgenda = MeetingCommandOf<'ReorderAgenda', { readonly itemIds: readonly string[] }>;

/** urgencyReason: the chair's recorded reason, needed when the notice period has passed. */
export type PublishAgenda = MeetingCommandOf<'PublishAgenda', { readonly urgencyReason?: string }>;

export interface OpenMeetingFacts {
  /** The board's members serving on the meeting day (see membersServingOn). */
  readonly members: readonly ServingMember[];
  /** The board's quorum now. */
  readonly quorum: number;
}

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

export type RecordMinutes = MeetingCommandOf<'RecordMinutes', { readonly itemId: string; readonly text: string }>;

export type CloseMeeting = MeetingCommandOf<'CloseMeeting', object>;

export type AdjournMeeting = MeetingCommandOf<'AdjournMeeting', { readonly reason: string }>;

export type DraftMinutes = MeetingCommandOf<'DraftMinutes', object>;

export interface MinutesCorrection {
  readonly itemId: string;
  readonly text: string;
}

/** Approval happens at a later meeting, as a decision there (decisionId). */
export type ApproveMinutes = MeetingCommandOf<
  'ApproveMinutes',
  {
    readonly approvedAtMeetingId: string;
    readonly decisionId: string;
    readonly corrections?: readonly MinutesCorrection[];
  }
>;

export type PublishMinutes = MeetingCommandOf<'PublishMinutes', object>;

export type MeetingCommand =
  | ScheduleMeeting
  | RescheduleMeeting
  | CancelMeeting
  | AddAgendaItem
  | WithdrawAgendaItem
  | ReorderAgenda
  | PublishAgenda
  | OpenMeeting
  | DeclareInterest
  | RecordDeparture
  | RecordMinutes
  | CloseMeeting
  | AdjournMeeting
  | DraftMinutes
  | ApproveMinutes
  | PublishMinutes;

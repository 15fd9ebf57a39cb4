import type { DomainCommand } from '#kernel';
import type { ServingMember } from '../board/board.queries.js';

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

/** A command on one meeting: each carries the meeting and the moment it is made. */
export type MeetingCommandOf<Type extends string, Data> = DomainCommand<
  Type,
  Data & { readonly meetingId: string; readonly at: string }
>;

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

export interface OpenMeetingFacts {
  /** The board's members serving on the meeting day (see membersServingOn). */
  readonly members: readonly ServingMember[];
  /** The board's quorum now. */
  readonly quorum: number;
}

export interface MinutesCorrection {
  readonly itemId: string;
  readonly text: string;
}

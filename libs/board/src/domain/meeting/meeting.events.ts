import { type DomainEvent, type CalendarDate } from '#kernel';
import type { Jurisdiction } from '../jurisdiction.js';
import type { AgendaItemInput, Attendance, MinutesCorrection, Venue } from './meeting.commands.js';

export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;

type MeetingEventOf<Type extends string, Data> = DomainEvent<
  Type,
  Data & { readonly meetingId: string; readonly at: string }
>;

export type MeetingScheduled = MeetingEventOf<
  'MeetingScheduled',
  Venue & {
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt?: string;
    readonly jurisdiction: Jurisdiction;
    readonly quorum: number;
    /** The board's theme and principle codes when scheduled: the vocabulary for this meeting's tags. */
    readonly themes: readonly string[];
    readonly principles: readonly string[];
  }
>;

export type MeetingRescheduled = MeetingEventOf<
  'MeetingRescheduled',
  Venue & {
    readonly startsAt: string;
    readonly endsAt?: string;
    readonly reason?: string;
    readonly urgencyReason?: string;
  }
>;

export type MeetingCancelled = MeetingEventOf<'MeetingCancelled', { readonly reason: string }>;

/** urgencyReason is present when the item was added after the agenda was published. */
export type AgendaItemAdded = MeetingEventOf<
  'AgendaItemAdded',
  AgendaItemInput & { readonly standing: boolean; readonly urgencyReason?: string }
>;

export type AgendaItemWithdrawn = MeetingEventOf<
  'AgendaItemWithdrawn',
  { readonly itemId: string; readonly reason?: string }
>;

export type AgendaReordered = MeetingEventOf<'AgendaReordered', { readonly itemIds: readonly string[] }>;

/** The notice given, on London dates; urgencyReason is present when it was short. */
export type AgendaPublished = MeetingEventOf<
  'AgendaPublished',
  {
    readonly publishedOn: CalendarDate;
    readonly meetingOn: CalendarDate;
    readonly clearWorkingDays: number;
    readonly requiredClearWorkingDays: number;
    /** The last London date the agenda could have been published in time. */
    readonly latestOn: CalendarDate;
    readonly urgencyReason?: string;
  }
>;

export type MeetingOpened = MeetingEventOf<
  'MeetingOpened',
  {
    readonly attendance: readonly Attendance[];
    readonly quorum: number;
    /** Members present in person plus substitutes standing in for absent members. */
    readonly presentCount: number;
    readonly quorate: boolean;
  }
>;

export type InterestDeclared = MeetingEventOf<
  'InterestDeclared',
  { readonly memberId: string; readonly itemId: string; readonly nature: string }
>;

/** Someone present left; the count and the quorum as they stand after it. */
export type MemberLeft = MeetingEventOf<
  'MemberLeft',
  { readonly memberId: string; readonly presentCount: number; readonly quorate: boolean }
>;

/** status: 'substitute' for a substitute who left and came back. */
export type MemberArrived = MeetingEventOf<
  'MemberArrived',
  {
    readonly memberId: string;
    readonly status: 'present' | 'substitute';
    readonly presentCount: number;
    readonly quorate: boolean;
  }
>;

export type MinutesRecorded = MeetingEventOf<'MinutesRecorded', { readonly itemId: string; readonly text: string }>;

export type MeetingClosed = MeetingEventOf<'MeetingClosed', object>;

export type MeetingAdjourned = MeetingEventOf<'MeetingAdjourned', { readonly reason: string }>;

export type MinutesDrafted = MeetingEventOf<'MinutesDrafted', object>;

export type MinutesApproved = MeetingEventOf<
  'MinutesApproved',
  {
    readonly approvedAtMeetingId: string;
    readonly decisionId: string;
    readonly corrections: readonly MinutesCorrection[];
  }
>;

export type MinutesPublished = MeetingEventOf<'MinutesPublished', object>;

export type MeetingEvent =
  | MeetingScheduled
  | MeetingRescheduled
  | MeetingCancelled
  | AgendaItemAdded
  | AgendaItemWithdrawn
  | AgendaReordered
  | AgendaPublished
  | MeetingOpened
  | InterestDeclared
  | MemberLeft
  | MemberArrived
  | MinutesRecorded
  | MeetingClosed
  | MeetingAdjourned
  | MinutesDrafted
  | MinutesApproved
  | MinutesPublished;

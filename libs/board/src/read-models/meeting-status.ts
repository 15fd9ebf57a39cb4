import { oneOf } from '#event-store';
import type { MeetingStatus } from '../domain/index.js';

/** The meeting statuses a reader can filter on (a meeting in a read model is always scheduled). */
export const LISTED_MEETING_STATUSES = [
  'scheduled',
  'agenda-published',
  'in-progress',
  'closed',
  'adjourned',
  'minutes-drafted',
  'minutes-approved',
  'minutes-published',
  'cancelled',
] as const satisfies readonly MeetingStatus[];

export type ListedMeetingStatus = (typeof LISTED_MEETING_STATUSES)[number];

/** A status column's value as a listed status (read models only write listed ones; anything else reads as scheduled). */
export function listedStatus(status: string): ListedMeetingStatus {
  return oneOf(LISTED_MEETING_STATUSES, status) ?? 'scheduled';
}

// Mirrors the meeting's state machine for the events that move it; other events leave the status alone.
const STATUS_AFTER: Readonly<Record<string, ListedMeetingStatus>> = {
  MeetingScheduled: 'scheduled',
  MeetingCancelled: 'cancelled',
  AgendaPublished: 'agenda-published',
  MeetingOpened: 'in-progress',
  MeetingClosed: 'closed',
  MeetingAdjourned: 'adjourned',
  MinutesDrafted: 'minutes-drafted',
  MinutesApproved: 'minutes-approved',
  MinutesPublished: 'minutes-published',
};

export function statusAfter(eventType: string): ListedMeetingStatus | undefined {
  return STATUS_AFTER[eventType];
}

export const MEETING_STATUS_EVENTS = Object.keys(STATUS_AFTER);

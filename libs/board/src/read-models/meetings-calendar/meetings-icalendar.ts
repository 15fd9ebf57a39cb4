import ical, { ICalEventStatus } from 'ical-generator';
import type { MeetingSummaryView } from './meetings-calendar.dto.js';

/**
 * The meetings as an iCalendar (RFC 5545) document: one VEVENT per meeting, a stable UID per meeting
 * and SEQUENCE bumped on each change, so calendar apps update or cancel the event they already hold.
 */
export function meetingsICalendar(meetings: readonly MeetingSummaryView[], stamp: Date): string {
  const calendar = ical({
    name: 'Corporate Parenting Board meetings',
    prodId: { company: 'Corporate Parenting Board', product: 'meetings', language: 'EN' },
  });
  for (const meeting of meetings) {
    const cancelled = meeting.status === 'cancelled';
    calendar.createEvent({
      id: `${meeting.meetingId}@corporate-parenting-board`,
      summary: cancelled ? `Cancelled: ${meeting.title}` : meeting.title,
      start: new Date(meeting.startsAt),
      end: meeting.endsAt ? new Date(meeting.endsAt) : null,
      location: meeting.place ?? meeting.onlineLink ?? null,
      url: meeting.onlineLink ?? null,
      description: cancelled ? `Cancelled: ${meeting.cancelledReason ?? ''}`.trim() : null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: meeting.sequence,
      stamp,
    });
  }
  return calendar.toString();
}

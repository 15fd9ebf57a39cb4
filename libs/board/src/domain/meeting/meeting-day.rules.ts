import { RuleBroken, dayOfWeek, type CalendarDate, londonDateOf } from '#kernel';

// A meeting is held on its day: the board's day as a Londoner counts it (GMT or BST), whatever offset
// the clock's instant carries. Later is allowed: a meeting that runs past midnight, an adjourned one.

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tuesday 14 April 2026". */
export function longDate(date: CalendarDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Refuses, before the meeting's London day, what `doing` names ("it can be opened"). The problem
 * carries both days as dates, for a client to show in its own words.
 */
export function requireMeetingDay(startsAt: string, at: string, doing: string): void {
  const meetingOn = londonDateOf(startsAt);
  const today = londonDateOf(at);
  if (today < meetingOn) {
    throw new RuleBroken(
      'before-meeting-day',
      `This meeting is on ${longDate(meetingOn)}: ${doing} on that day, not before.`,
      { meetingOn, today },
    );
  }
}

import type { Jurisdiction } from '../jurisdiction.js';
import { addDays, type CalendarDate, londonDateOf } from '#kernel';
import { isWorkingDay } from './working-days.js';

/** Clear working days an agenda must be out before the meeting. */
export const NOTICE_CLEAR_WORKING_DAYS: Readonly<Record<Jurisdiction, number>> = { england: 5, wales: 3 };

/** Working days strictly between the two dates: "clear" days exclude both the day of publication and the meeting's. */
export function clearWorkingDaysBetween(from: CalendarDate, to: CalendarDate, jurisdiction: Jurisdiction): number {
  let count = 0;
  for (let day = addDays(from, 1); day < to; day = addDays(day, 1)) {
    if (isWorkingDay(day, jurisdiction)) count += 1;
  }
  return count;
}

/** The last London date on which the agenda can still be published in time for a meeting on meetingOn. */
export function latestAgendaPublicationDate(meetingOn: CalendarDate, jurisdiction: Jurisdiction): CalendarDate {
  let needed = NOTICE_CLEAR_WORKING_DAYS[jurisdiction];
  let day = meetingOn;
  while (needed > 0) {
    day = addDays(day, -1);
    if (isWorkingDay(day, jurisdiction)) needed -= 1;
  }
  return addDays(day, -1);
}

export interface AgendaNotice {
  readonly publishedOn: CalendarDate;
  readonly meetingOn: CalendarDate;
  readonly clearWorkingDays: number;
  readonly requiredClearWorkingDays: number;
  readonly latestOn: CalendarDate;
  readonly onTime: boolean;
}

/** The notice an agenda published at one instant gives a meeting starting at another, on London dates. */
export function agendaNotice(publishedAt: string, startsAt: string, jurisdiction: Jurisdiction): AgendaNotice {
  const publishedOn = londonDateOf(publishedAt);
  const meetingOn = londonDateOf(startsAt);
  const required = NOTICE_CLEAR_WORKING_DAYS[jurisdiction];
  const clear = clearWorkingDaysBetween(publishedOn, meetingOn, jurisdiction);
  return {
    publishedOn,
    meetingOn,
    clearWorkingDays: clear,
    requiredClearWorkingDays: required,
    latestOn: latestAgendaPublicationDate(meetingOn, jurisdiction),
    onTime: clear >= required,
  };
}

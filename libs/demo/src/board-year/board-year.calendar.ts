// The dates of a scenario year: four quarterly meetings, each with its notice, papers and follow-up.
import { addDays, dayOfWeek, type CalendarDate } from '#kernel';
import { isWorkingDay, latestAgendaPublicationDate } from '#board/contracts';

const DAY_MS = 86_400_000;

/** An instant in UTC on a date, e.g. instant('2026-02-10', '17:30'). Daytime only: its London date is `date`. */
export const instant = (date: CalendarDate, time: string): string => `${date}T${time}:00.000Z`;

export const plusMinutes = (at: string, minutes: number): string =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The same day of the month, `months` later (days past the 28th are held to the 28th). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, 28)).padStart(2, '0')}`;
}

function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  let day = date;
  while (!isWorkingDay(day, 'england')) day = addDays(day, -1);
  return day;
}

export interface MeetingDates {
  /** The meeting: a working Tuesday from the 10th of its month. */
  readonly on: CalendarDate;
  /** Items go on the agenda six weeks before. */
  readonly itemsAddedOn: CalendarDate;
  /** Accepted views are tabled as the papers are put together, the working day before publication. */
  readonly tabledOn: CalendarDate;
  /** A working day before the last day that still gives five clear working days' notice (England). */
  readonly agendaPublishedOn: CalendarDate;
}

export function meetingDates(startOn: CalendarDate, quarter: number): MeetingDates {
  let on = addDays(addMonths(startOn, quarter * 3 + 2), 9);
  while (dayOfWeek(on) !== 2 || !isWorkingDay(on, 'england')) on = addDays(on, 1);
  const agendaPublishedOn = workingDayOnOrBefore(addDays(latestAgendaPublicationDate(on, 'england'), -1));
  return {
    on,
    itemsAddedOn: addDays(on, -42),
    tabledOn: workingDayOnOrBefore(addDays(agendaPublishedOn, -1)),
    agendaPublishedOn,
  };
}

export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the year that starts on `date`. */
export function lastDayBefore(date: string): string {
  return plusDays(addMonths(date, 12), -1);
}

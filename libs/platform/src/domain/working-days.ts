// Shared kernel: working days in England and Wales (pure; no clock). Weekends and bank holidays are
// not working days; the bank holidays come from date-holidays, substitute days included.
// (The board's agenda notice keeps its own copy in libs/board/src/domain/calendar/working-days.ts.)
import Holidays from 'date-holidays';
import { addDays, dayOfWeek, type CalendarDate } from './calendar.js';

/** Whose bank holidays count: a board's jurisdiction. */
export const CALENDAR_JURISDICTIONS = ['england', 'wales'] as const;
export type CalendarJurisdiction = (typeof CALENDAR_JURISDICTIONS)[number];

export function isCalendarJurisdiction(value: unknown): value is CalendarJurisdiction {
  return typeof value === 'string' && (CALENDAR_JURISDICTIONS as readonly string[]).includes(value);
}

const REGION: Readonly<Record<CalendarJurisdiction, string>> = { england: 'ENG', wales: 'WLS' };
const calendars = new Map<CalendarJurisdiction, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<CalendarDate>>();

/** Bank holidays of England or Wales in a year, substitute days included. */
export function bankHolidaysOf(year: number, jurisdiction: CalendarJurisdiction): ReadonlySet<CalendarDate> {
  const key = `${jurisdiction}:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    let calendar = calendars.get(jurisdiction);
    if (!calendar) {
      calendar = new Holidays('GB', REGION[jurisdiction]);
      calendars.set(jurisdiction, calendar);
    }
    days = new Set(
      calendar
        .getHolidays(year)
        // 'observance' days (Mother's Day, Easter Sunday) are not days off.
        .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(key, days);
  }
  return days;
}

/** Monday to Friday, not a bank holiday. */
export function isWorkingDayIn(date: CalendarDate, jurisdiction: CalendarJurisdiction): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidaysOf(Number(date.slice(0, 4)), jurisdiction).has(date);
}

/** The `count`th working day after `date` (the day itself never counts, working or not). */
export function workingDaysAfter(date: CalendarDate, count: number, jurisdiction: CalendarJurisdiction): CalendarDate {
  let day = date;
  for (let found = 0; found < count;) {
    day = addDays(day, 1);
    if (isWorkingDayIn(day, jurisdiction)) found += 1;
  }
  return day;
}

/** Working days strictly after `from`, up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, jurisdiction: CalendarJurisdiction): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDayIn(day, jurisdiction)) count += 1;
  }
  return count;
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/**
 * The instant a London day starts, in UTC ('2026-04-09' -> '2026-04-08T23:00:00.000Z' in summer time).
 * UK clocks change at 01:00 UTC, never at midnight, so the offset at 00:00 UTC is the day's own.
 */
export function londonStartOfDay(date: CalendarDate): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const londonHour = Number(LONDON_HOUR.format(new Date(utcMidnight)));
  // 0 in GMT; 1 in BST, when London's midnight was an hour earlier.
  return new Date(utcMidnight - londonHour * 3_600_000).toISOString();
}

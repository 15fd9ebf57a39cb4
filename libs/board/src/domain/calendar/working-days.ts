import Holidays from 'date-holidays';
import type { Jurisdiction } from '../jurisdiction.js';
import { dayOfWeek, type CalendarDate } from '#kernel';

// The only module that knows about date-holidays: the rest of the domain asks isWorkingDay().
const REGION: Readonly<Record<Jurisdiction, string>> = { england: 'ENG', wales: 'WLS' };

const calendars = new Map<Jurisdiction, Holidays>();
const holidaysByYear = new Map<string, ReadonlySet<CalendarDate>>();

/** Bank holidays of England or Wales in a year, substitute days included. */
export function bankHolidays(year: number, jurisdiction: Jurisdiction): ReadonlySet<CalendarDate> {
  const key = `${jurisdiction}:${year}`;
  let days = holidaysByYear.get(key);
  if (!days) {
    days = new Set(
      calendarFor(jurisdiction)
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
export function isWorkingDay(date: CalendarDate, jurisdiction: Jurisdiction): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !bankHolidays(Number(date.slice(0, 4)), jurisdiction).has(date);
}

function calendarFor(jurisdiction: Jurisdiction): Holidays {
  let calendar = calendars.get(jurisdiction);
  if (!calendar) {
    calendar = new Holidays('GB', REGION[jurisdiction]);
    calendars.set(jurisdiction, calendar);
  }
  return calendar;
}

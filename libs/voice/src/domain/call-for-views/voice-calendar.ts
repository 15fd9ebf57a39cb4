// The shared kernel's calendar (libs/platform/src/domain/calendar.ts).
export { instantMs, isCalendarDate, isInstant, londonDateOf, type CalendarDate } from '#kernel';

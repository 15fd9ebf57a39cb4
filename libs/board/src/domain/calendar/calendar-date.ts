// The shared kernel's calendar (libs/platform/src/domain/calendar.ts).
export { addDays, dayOfWeek, instantMs, isCalendarDate, isInstant, type CalendarDate } from '#kernel';

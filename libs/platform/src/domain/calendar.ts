// Shared kernel: dates as every context reads them (pure; no clock).
// Calendar dates travel as ISO 'YYYY-MM-DD' strings: they sort and compare as strings, serialise
// unchanged and carry no time zone. Instants are ISO 8601 date-times with an offset or 'Z'.

export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  // Rejects dates that do not exist (2026-02-30) by round-tripping through UTC.
  return toUtc(value).toISOString().slice(0, 10) === value;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch: instants with different offsets compare correctly. */
export function instantMs(instant: string): number {
  return Date.parse(instant);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return toUtc(date).getUTCDay();
}

function toUtc(date: CalendarDate): Date {
  const [, year, month, day] = DATE.exec(date) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

// Boards sit in England and Wales: "the day" of a publication or a meeting is the London day,
// whatever offset the instant was written with (GMT in winter, BST in summer).
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function londonDateOf(instant: string): CalendarDate {
  const parts = LONDON.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

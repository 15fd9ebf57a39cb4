// Dates and instants as the voice context reads them. The board context has its own copy of these
// rules (libs/board/src/domain/calendar); contexts do not share domain code, so they are restated here.
// Calendar dates are ISO 'YYYY-MM-DD' strings (they compare as strings); instants are ISO 8601
// date-times with an offset or 'Z'.

export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const [, year, month, day] = DATE.exec(value) ?? [];
  if (year === undefined) return false;
  // Rejects dates that do not exist (2026-02-30) by round-tripping through UTC.
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return utc.toISOString().slice(0, 10) === value;
}

export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch: instants written with different offsets compare correctly. */
export function instantMs(instant: string): number {
  return Date.parse(instant);
}

// Boards sit in England and Wales: "the closing date" is a London day, GMT in winter, BST in summer.
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

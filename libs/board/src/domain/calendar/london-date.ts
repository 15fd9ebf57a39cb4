import type { CalendarDate } from './calendar-date.js';

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

/* global document */
// Small helpers every page shares.
import './forms.js';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Milliseconds London's clock is ahead of UTC at this instant (0 in winter, an hour in summer). */
function londonOffset(ms) {
  const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return wall - (ms - (ms % 1000));
}

/** A date ('2026-03-20') and time ('17:00' or '17:00:30') on UK clocks as a UTC instant ('2026-03-20T17:00:00Z'). */
export function londonInstant(date, time) {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, sec = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, sec);
  // The offset at the guessed instant, then again at the corrected one (a clock change in between).
  let instant = asUtc - londonOffset(asUtc);
  instant = asUtc - londonOffset(instant);
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `datetime-local` value ('2026-03-20T17:00') read as UK time, whatever the browser's own zone; '' when empty or not a date. */
export function londonTimeToUtc(local) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)/.exec(local ?? '');
  return match ? londonInstant(match[1], match[2]) : '';
}

// One date style on every staff page, GOV.UK's, on London's clocks: "7 December 2026", and with the
// time "7 December 2026 at 3:05pm", "at 3pm", "at 12pm" (midday) (an auditor's timeline to the second:
// "at 3:05:09pm").
const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h12',
});

export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

export function formatDateTime(iso, { seconds = false } = {}) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const t = Object.fromEntries(TIME.formatToParts(date).map((p) => [p.type, p.value]));
  const time = seconds ? `${t.hour}:${t.minute}:${t.second}` : t.minute === '00' ? t.hour : `${t.hour}:${t.minute}`;
  return `${DATE.format(date)} at ${time}${t.dayPeriod.toLowerCase()}`;
}

/** The one page a role sees where a page is not for it (the staff layout's template), in place of the page. */
export function showNotForRole() {
  const main = document.getElementById('main');
  main
    .querySelector('.width-container')
    .replaceChildren(document.getElementById('not-for-role').content.cloneNode(true));
  document.title = 'This page is not for your role – Corporate Parenting Board';
  document.getElementById('page-title').focus();
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Shows a section, moves focus to its heading (so screen readers read what changed) and scrolls to it. */
export function reveal(section) {
  section.hidden = false;
  const heading = section.querySelector('h1, h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

// The scheduling form reads the time a clerk types as UK time, whatever time zone their device is in.
import { formatDate, formatDateTime, londonTimeToUtc } from '../public/assets/page.js';

describe('londonTimeToUtc', () => {
  it.each([
    ['2026-01-15T18:00', '2026-01-15T18:00:00Z'], // winter: GMT
    ['2026-07-15T18:00', '2026-07-15T17:00:00Z'], // summer: BST
    ['2026-03-29T00:30', '2026-03-29T00:30:00Z'], // the night the clocks go forward, before the change
    ['2026-03-29T03:00', '2026-03-29T02:00:00Z'], // after it
    ['2026-10-25T00:30', '2026-10-24T23:30:00Z'], // the night they go back, still BST
    ['2026-10-25T03:00', '2026-10-25T03:00:00Z'], // after it, GMT
  ])('%s on UK clocks is %s', (local, utc) => {
    expect(londonTimeToUtc(local)).toBe(utc);
  });

  it('gives nothing for an empty or malformed value', () => {
    expect(londonTimeToUtc('')).toBe('');
    expect(londonTimeToUtc('20 March')).toBe('');
  });
});

describe('the one date style of the staff pages (GOV.UK, London time)', () => {
  it.each([
    ['2026-12-07T15:05:09Z', '7 December 2026 at 3:05pm', '7 December 2026 at 3:05:09pm'],
    ['2026-07-07T11:00:00Z', '7 July 2026 at 12pm', '7 July 2026 at 12:00:00pm'], // midday, BST
    ['2026-01-07T00:00:00Z', '7 January 2026 at 12am', '7 January 2026 at 12:00:00am'], // midnight, GMT
    ['2026-07-07T23:30:00Z', '8 July 2026 at 12:30am', '8 July 2026 at 12:30:00am'], // already the next day in London
  ])('%s is "%s" ("%s" to the second)', (iso, minutes, seconds) => {
    expect(formatDateTime(iso)).toBe(minutes);
    expect(formatDateTime(iso, { seconds: true })).toBe(seconds);
  });

  it('says a calendar date and a date alone the same way', () => {
    expect(formatDate('2026-12-07')).toBe('7 December 2026');
    expect(formatDate('2026-12-07T15:05:09Z')).toBe('7 December 2026');
  });
});

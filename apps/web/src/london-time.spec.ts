// The scheduling form reads the time a clerk types as UK time, whatever time zone their device is in.
import { londonTimeToUtc } from '../public/assets/page.js';

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

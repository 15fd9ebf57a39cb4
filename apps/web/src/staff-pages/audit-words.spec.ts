import { loadCatalogues } from '../pages/locales.js';
import { dateTimeWords, londonInstant } from './audit-words.js';

describe("the auditor's pages' dates", () => {
  const catalogues = loadCatalogues();

  it.each([
    ['2026-01-15', '18:00', '2026-01-15T18:00:00.000Z'], // winter: GMT
    ['2026-07-15', '18:00:30', '2026-07-15T17:00:30.000Z'], // summer: BST
    ['2026-03-29', '03:00', '2026-03-29T02:00:00.000Z'], // after the clocks go forward
    ['2026-10-25', '00:30', '2026-10-24T23:30:00.000Z'], // the night they go back, still BST
  ])('reads %s %s on UK clocks as %s', (date, time, instant) => {
    expect(londonInstant(date, time)).toBe(instant);
  });

  it('refuses a date or time that is not real', () => {
    expect(londonInstant('2026-02-30', '12:00')).toBeUndefined();
    expect(londonInstant('20 March', '12:00')).toBeUndefined();
    expect(londonInstant('2026-03-20', '25:00')).toBeUndefined();
  });

  it("writes an instant as London saw it, in the reader's language, to the second on a timeline", () => {
    const summer = '2026-07-15T14:05:09.000Z';
    expect(dateTimeWords(summer, 'en-GB', catalogues.t('en'))).toBe('15 July 2026 at 3:05pm');
    expect(dateTimeWords(summer, 'en-GB', catalogues.t('en'), true)).toBe('15 July 2026 at 3:05:09pm');
    expect(dateTimeWords('2026-12-07T12:00:00.000Z', 'cy-GB', catalogues.t('cy'))).toBe('7 Rhagfyr 2026 am 12pm');
  });
});

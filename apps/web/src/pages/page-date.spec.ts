import { pageDate } from './page-renderer.js';

describe('dates on the pages', () => {
  it("writes a date as given, in the reader's language", () => {
    expect(pageDate('2026-03-31', 'en-GB')).toBe('31 March 2026');
    expect(pageDate('2026-03-31', 'cy')).toBe('31 Mawrth 2026');
  });

  it('writes an instant as the day it was in London, not in UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time); in winter the two agree.
    expect(pageDate('2026-06-30T23:30:00.000Z', 'en-GB')).toBe('1 July 2026');
    expect(pageDate('2026-12-30T23:30:00.000Z', 'en-GB')).toBe('30 December 2026');
  });
});

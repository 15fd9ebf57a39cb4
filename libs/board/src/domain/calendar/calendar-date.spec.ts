import { addDays, dayOfWeek, isCalendarDate, isInstant, londonDateOf } from '#kernel';

describe('calendar dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-4-7')).toBe(false);
    expect(isCalendarDate(20260407)).toBe(false);
  });

  it('accepts instants only with a time zone', () => {
    expect(isInstant('2026-04-07T10:00:00Z')).toBe(true);
    expect(isInstant('2026-04-07T10:00:00.123+01:00')).toBe(true);
    expect(isInstant('2026-04-07T10:00:00')).toBe(false);
    expect(isInstant('2026-04-07')).toBe(false);
    expect(isInstant('2026-13-07T10:00:00Z')).toBe(false);
  });

  it('adds days across months and years, and knows the weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayOfWeek('2026-04-03')).toBe(5); // Good Friday
    expect(dayOfWeek('2026-12-26')).toBe(6);
  });
});

describe('London dates', () => {
  it('reads an instant as the London calendar day, in BST and in GMT', () => {
    expect(londonDateOf('2026-04-06T22:59:00Z')).toBe('2026-04-06'); // 23:59 BST
    expect(londonDateOf('2026-04-06T23:30:00Z')).toBe('2026-04-07'); // 00:30 BST
    expect(londonDateOf('2026-12-20T23:59:00Z')).toBe('2026-12-20'); // GMT
    expect(londonDateOf('2026-04-07T00:30:00+01:00')).toBe('2026-04-07');
  });

  it('follows the clock changes', () => {
    expect(londonDateOf('2026-03-28T23:59:59Z')).toBe('2026-03-28'); // still GMT
    expect(londonDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25'); // last night of BST
    expect(londonDateOf('2026-10-25T23:30:00Z')).toBe('2026-10-25'); // GMT again
  });
});

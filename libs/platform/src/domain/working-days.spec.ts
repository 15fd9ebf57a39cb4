import {
  bankHolidaysOf,
  isWorkingDayIn,
  londonStartOfDay,
  workingDaysAfter,
  workingDaysBetween,
} from './working-days.js';

describe('working days in the shared kernel', () => {
  it.each(['england', 'wales'] as const)('skips weekends and the Easter 2026 bank holidays in %s', (jurisdiction) => {
    expect(isWorkingDayIn('2026-04-02', jurisdiction)).toBe(true); // Maundy Thursday
    expect(isWorkingDayIn('2026-04-03', jurisdiction)).toBe(false); // Good Friday
    expect(isWorkingDayIn('2026-04-04', jurisdiction)).toBe(false); // Saturday
    expect(isWorkingDayIn('2026-04-06', jurisdiction)).toBe(false); // Easter Monday
    expect(isWorkingDayIn('2026-04-07', jurisdiction)).toBe(true);
    expect(bankHolidaysOf(2026, jurisdiction).has('2026-12-28')).toBe(true); // Boxing Day's substitute
  });

  it('finds the nth working day after a date, never counting the date itself', () => {
    // Thursday before Easter: Good Friday, the weekend and Easter Monday are skipped.
    expect(workingDaysAfter('2026-04-02', 1, 'england')).toBe('2026-04-07');
    expect(workingDaysAfter('2026-04-02', 2, 'england')).toBe('2026-04-08');
    // From a Saturday: Monday is the first.
    expect(workingDaysAfter('2026-03-07', 2, 'wales')).toBe('2026-03-10');
    expect(workingDaysAfter('2026-03-02', 0, 'england')).toBe('2026-03-02');
  });

  it('counts working days after one date up to another', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-08', 'england')).toBe(2);
    expect(workingDaysBetween('2026-04-02', '2026-04-02', 'england')).toBe(0);
    expect(workingDaysBetween('2026-04-08', '2026-04-02', 'england')).toBe(0);
  });

  it('knows when a London day starts, in winter and in summer time', () => {
    expect(londonStartOfDay('2026-03-02')).toBe('2026-03-02T00:00:00.000Z');
    expect(londonStartOfDay('2026-04-09')).toBe('2026-04-08T23:00:00.000Z');
    // The days the clocks change (at 01:00 UTC): midnight is still on the day's own offset.
    expect(londonStartOfDay('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonStartOfDay('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
  });
});

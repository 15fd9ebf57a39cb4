import { bankHolidays, isWorkingDay } from './working-days.js';

describe('working days in England and Wales', () => {
  it.each(['england', 'wales'] as const)('skips the Easter and Christmas 2026 bank holidays in %s', (jurisdiction) => {
    expect(isWorkingDay('2026-04-02', jurisdiction)).toBe(true); // Maundy Thursday
    expect(isWorkingDay('2026-04-03', jurisdiction)).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06', jurisdiction)).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07', jurisdiction)).toBe(true);
    expect(isWorkingDay('2026-12-24', jurisdiction)).toBe(true);
    expect(isWorkingDay('2026-12-25', jurisdiction)).toBe(false); // Christmas Day, a Friday
    expect(isWorkingDay('2026-12-28', jurisdiction)).toBe(false); // Boxing Day (Saturday) substitute
    expect(isWorkingDay('2026-12-29', jurisdiction)).toBe(true);
    expect(isWorkingDay('2027-01-01', jurisdiction)).toBe(false); // New Year's Day
  });

  it('skips weekends', () => {
    expect(isWorkingDay('2026-04-11', 'england')).toBe(false);
    expect(isWorkingDay('2026-04-12', 'england')).toBe(false);
    expect(isWorkingDay('2026-04-13', 'england')).toBe(true);
  });

  it('counts public holidays, substitutes included, and not observances like Mother’s Day', () => {
    const days = bankHolidays(2026, 'england');
    expect([...days].sort()).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
  });
});

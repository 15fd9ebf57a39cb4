import { addDays } from '#kernel';
import {
  agendaNotice,
  clearWorkingDaysBetween,
  latestAgendaPublicationDate,
  NOTICE_CLEAR_WORKING_DAYS,
} from './agenda-notice.js';

describe('agenda notice: clear working days', () => {
  it('counts neither the day of publication nor the day of the meeting', () => {
    // Mon 2 Mar -> Mon 9 Mar 2026: Tue to Fri in between.
    expect(clearWorkingDaysBetween('2026-03-02', '2026-03-09', 'england')).toBe(4);
    expect(clearWorkingDaysBetween('2026-03-09', '2026-03-10', 'england')).toBe(0);
    expect(clearWorkingDaysBetween('2026-03-10', '2026-03-09', 'england')).toBe(0);
  });

  it('needs 5 clear working days in England and 3 in Wales', () => {
    expect(NOTICE_CLEAR_WORKING_DAYS).toEqual({ england: 5, wales: 3 });
  });
});

describe('agenda notice: the latest publication date', () => {
  it.each([
    // [meeting, jurisdiction, latest publication date, why]
    ['2026-04-16', 'england', '2026-04-08', 'an ordinary week: Thu 9, Fri 10, Mon 13, Tue 14, Wed 15'],
    ['2026-04-14', 'england', '2026-04-06', 'Easter Monday (6 Apr) is not counted but may be the publication day'],
    ['2026-04-09', 'england', '2026-03-30', 'Good Friday and Easter Monday both skipped'],
    ['2026-12-30', 'england', '2026-12-20', 'Christmas Day, Boxing Day and its substitute Monday 28 Dec skipped'],
    ['2027-01-05', 'england', '2026-12-23', 'across the new year: 1 Jan and the Christmas days skipped'],
    ['2026-04-09', 'wales', '2026-04-01', 'Wales needs 3: Thu 2, Tue 7, Wed 8'],
    ['2027-01-05', 'wales', '2026-12-29', 'Wales across the new year: Tue 30, Thu 31 Dec, Mon 4 Jan'],
  ] as const)('meeting on %s in %s: publish by %s (%s)', (meetingOn, jurisdiction, latest, _why) => {
    expect(latestAgendaPublicationDate(meetingOn, jurisdiction)).toBe(latest);
  });

  it.each(['england', 'wales'] as const)(
    'agrees with the clear-day count for every meeting date of 2026-27 in %s',
    (jurisdiction) => {
      const required = NOTICE_CLEAR_WORKING_DAYS[jurisdiction];
      for (let meetingOn = '2026-01-01'; meetingOn < '2028-01-01'; meetingOn = addDays(meetingOn, 1)) {
        const latest = latestAgendaPublicationDate(meetingOn, jurisdiction);
        expect(clearWorkingDaysBetween(latest, meetingOn, jurisdiction)).toBeGreaterThanOrEqual(required);
        expect(clearWorkingDaysBetween(addDays(latest, 1), meetingOn, jurisdiction)).toBeLessThan(required);
      }
    },
  );
});

describe('agenda notice: near misses, on London dates', () => {
  const meetingAfterEaster = '2026-04-14T17:30:00+01:00';

  it('is on time exactly on the boundary and late one day after (England, Easter 2026)', () => {
    const onBoundary = agendaNotice('2026-04-06T12:00:00+01:00', meetingAfterEaster, 'england');
    expect(onBoundary).toEqual({
      publishedOn: '2026-04-06',
      meetingOn: '2026-04-14',
      clearWorkingDays: 5,
      requiredClearWorkingDays: 5,
      latestOn: '2026-04-06',
      onTime: true,
    });
    const dayLate = agendaNotice('2026-04-07T09:00:00+01:00', meetingAfterEaster, 'england');
    expect(dayLate).toMatchObject({ clearWorkingDays: 4, onTime: false });
  });

  it('judges the instant by the London day, not the UTC day (BST)', () => {
    expect(agendaNotice('2026-04-06T22:59:00Z', meetingAfterEaster, 'england').onTime).toBe(true);
    expect(agendaNotice('2026-04-06T23:30:00Z', meetingAfterEaster, 'england').onTime).toBe(false);
  });

  // Fri 18 Dec and Sun 20 Dec give the same notice: the weekend adds no working day.
  it('counts around Christmas 2026 (GMT)', () => {
    const meeting = '2026-12-30T14:00:00Z';
    expect(agendaNotice('2026-12-18T16:00:00Z', meeting, 'england')).toMatchObject({
      clearWorkingDays: 5,
      onTime: true,
    });
    expect(agendaNotice('2026-12-20T23:59:00Z', meeting, 'england')).toMatchObject({
      clearWorkingDays: 5,
      onTime: true,
    });
    expect(agendaNotice('2026-12-21T00:00:00Z', meeting, 'england')).toMatchObject({
      clearWorkingDays: 4,
      onTime: false,
    });
  });

  it('gives a Welsh meeting a shorter notice period than the same meeting in England', () => {
    const meeting = '2026-04-09T10:00:00+01:00';
    expect(agendaNotice('2026-04-01T10:00:00+01:00', meeting, 'wales')).toMatchObject({
      clearWorkingDays: 3,
      onTime: true,
    });
    expect(agendaNotice('2026-04-02T10:00:00+01:00', meeting, 'wales')).toMatchObject({
      clearWorkingDays: 2,
      onTime: false,
    });
    expect(agendaNotice('2026-04-01T10:00:00+01:00', meeting, 'england').onTime).toBe(false);
  });
});

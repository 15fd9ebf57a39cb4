import { APRIL_STARTS_AT } from '../board-history.test-scenario.js';
import {
  clockAt,
  parkedCount,
  projectBoardHistories,
  READ_DATABASES,
  type ProjectedBoards,
} from '../read-model.test-harness.js';
import { GetMeetingsFeed, GetMeetingsFeedHandler } from './get-meetings-feed.query.js';
import { GetMeetings, GetMeetingsHandler, type MeetingsFilter } from './get-meetings.query.js';
import { meetingsCalendarProjection } from './meetings-calendar.projection.js';

describe.each(READ_DATABASES)('meetings calendar read model on %s', (kind) => {
  let p: ProjectedBoards;
  beforeAll(async () => {
    p = await projectBoardHistories(kind, [meetingsCalendarProjection]);
  });
  afterAll(async () => p.close());

  const meetings = (tenantId: string, filter: MeetingsFilter = {}) =>
    new GetMeetingsHandler(p.db).execute(new GetMeetings(tenantId, filter));

  it('projects every event without parking any', async () => {
    expect(await parkedCount(p.runner)).toBe(0);
  });

  it('lists the meetings earliest first with where each has got to', async () => {
    const { april, june, july, september } = p.north.meetings;
    const list = await meetings(p.north.tenantId);
    expect(list.map((m) => [m.meetingId, m.meetingOn, m.status])).toEqual([
      [april, '2026-04-14', 'minutes-published'],
      [june, '2026-06-09', 'closed'],
      [july, '2026-07-14', 'cancelled'],
      [september, '2026-09-22', 'scheduled'],
    ]);
    expect(list[0]).toEqual({
      meetingId: april,
      title: 'Corporate Parenting Board',
      startsAt: APRIL_STARTS_AT,
      endsAt: '2026-04-14T19:30:00+01:00',
      meetingOn: '2026-04-14',
      place: 'Council Chamber, County Hall',
      onlineLink: undefined,
      status: 'minutes-published',
      agendaPublishedAt: '2026-04-06T12:00:00+01:00',
      cancelledReason: undefined,
      sequence: 0,
    });
    expect(list[2]).toMatchObject({ cancelledReason: 'Clashes with the budget meeting', sequence: 1 });
    // Rescheduled: new time and venue, and a change calendar apps must pick up.
    expect(list[3]).toMatchObject({
      startsAt: '2026-09-22T17:30:00+01:00',
      endsAt: '2026-09-22T19:00:00+01:00',
      onlineLink: 'https://meet.example/cpb-september',
      sequence: 1,
    });
  });

  it('filters by London date range and by status', async () => {
    const { june, july, september } = p.north.meetings;
    const ids = async (filter: MeetingsFilter) => (await meetings(p.north.tenantId, filter)).map((m) => m.meetingId);
    expect(await ids({ from: '2026-06-09' })).toEqual([june, july, september]);
    expect(await ids({ from: '2026-04-15', to: '2026-07-14' })).toEqual([june, july]);
    expect(await ids({ to: '2026-04-13' })).toEqual([]);
    expect(await ids({ status: 'cancelled' })).toEqual([july]);
    expect(await ids({ status: 'scheduled', from: '2026-09-01' })).toEqual([september]);
  });

  it("never lists another tenant's meetings", async () => {
    const south = await meetings(p.south.tenantId);
    expect(south.map((m) => m.meetingId).sort()).toEqual(Object.values(p.south.meetings).sort());
    expect(south.some((m) => m.meetingId.startsWith('north-'))).toBe(false);
    expect(await meetings('tenant-without-meetings')).toEqual([]);
  });

  it('answers an iCalendar feed with one VEVENT per meeting, cancelled ones marked', async () => {
    const feed = await new GetMeetingsFeedHandler(
      new GetMeetingsHandler(p.db),
      clockAt('2026-06-15T12:00:00Z'),
    ).execute(new GetMeetingsFeed(p.north.tenantId));
    const lines = feed.split(/\r\n/);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    const events = feed.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4);
    const july = events.find((e) => e.includes(`UID:${p.north.meetings.july}@`))!;
    expect(july).toContain('STATUS:CANCELLED');
    expect(july).toContain('SEQUENCE:1');
    const april = events.find((e) => e.includes(`UID:${p.north.meetings.april}@`))!;
    expect(april).toContain('STATUS:CONFIRMED');
    expect(april).toContain('DTSTART:20260414T163000Z');
    expect(april).toContain('LOCATION:Council Chamber\\, County Hall');
    expect(feed).not.toContain('south-');
  });
});

import { NotFound } from '#platform';
import { boardOverviewProjection } from '../board-overview/board-overview.projection.js';
import { CORRECTED_PLACEMENTS_MINUTES, MEMBER_NAMES } from '../board-history.test-scenario.js';
import {
  parkedCount,
  projectBoardHistories,
  READ_DATABASES,
  type ProjectedBoards,
} from '../read-model.test-harness.js';
import { GetMeetingDetail, GetMeetingDetailHandler } from './get-meeting-detail.query.js';
import { meetingDetailProjection } from './meeting-detail.projection.js';

describe.each(READ_DATABASES)('meeting detail read model on %s', (kind) => {
  let p: ProjectedBoards;
  beforeAll(async () => {
    p = await projectBoardHistories(kind, [boardOverviewProjection, meetingDetailProjection]);
  });
  afterAll(async () => p.close());

  const detail = (tenantId: string, meetingId: string) =>
    new GetMeetingDetailHandler(p.db).execute(new GetMeetingDetail(tenantId, meetingId));

  it('projects every event without parking any', async () => {
    expect(await parkedCount(p.runner)).toBe(0);
  });

  it('shows the agenda in order: standing items, papers, restricted flag, withdrawn item last', async () => {
    const april = await detail(p.north.tenantId, p.north.meetings.april);
    expect(april.agenda.map((i) => [i.number, i.itemId, i.standing, i.withdrawn])).toEqual([
      [1, 'apologies', true, false],
      [2, 'declarations-of-interest', true, false],
      [3, 'minutes-of-last-meeting', true, false],
      [4, 'placements', false, false],
      [5, 'voice-of-children-and-young-people', true, false],
      [6, 'commissioning-costs', false, false],
      [7, 'health-assessments', false, true],
    ]);
    const placements = april.agenda[3]!;
    expect(placements).toMatchObject({
      title: 'Placement stability: quarterly report',
      purpose: 'decision',
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      papers: [{ title: 'Quarterly report', link: 'https://docs.example/placements-q4.pdf', fileRef: undefined }],
      restricted: false,
    });
    expect(april.agenda[5]).toMatchObject({
      restricted: true,
      purpose: 'information',
      papers: [{ title: 'Costs (exempt)', fileRef: 'file-42' }],
    });
    expect(april.agenda[6]).toMatchObject({ withdrawnReason: 'Deferred to June' });
  });

  it('shows the notice given, attendance with the quorum check and declarations', async () => {
    const { members, substitute } = p.north;
    const april = await detail(p.north.tenantId, p.north.meetings.april);
    expect(april.notice).toEqual({
      publishedAt: '2026-04-06T12:00:00+01:00',
      publishedOn: '2026-04-06',
      meetingOn: '2026-04-14',
      clearWorkingDays: 5,
      requiredClearWorkingDays: 5,
      latestOn: '2026-04-06',
      onTime: true,
      urgencyReason: undefined,
    });
    expect(april.attendance).toEqual({
      recorded: true,
      quorum: 3,
      presentCount: 3,
      quorate: true,
      entries: [
        { memberId: members.chair, name: MEMBER_NAMES.chair, status: 'present', substituteFor: undefined },
        { memberId: members.councillor, name: MEMBER_NAMES.councillor, status: 'present', substituteFor: undefined },
        { memberId: substitute, name: undefined, status: 'substitute', substituteFor: members.officer },
        {
          memberId: members.youngPerson,
          name: MEMBER_NAMES.youngPerson,
          status: 'apologies',
          substituteFor: undefined,
        },
        { memberId: members.partner, name: MEMBER_NAMES.partner, status: 'absent', substituteFor: undefined },
      ],
    });
    expect(april.declarations).toEqual([
      {
        memberId: members.councillor,
        name: MEMBER_NAMES.councillor,
        itemId: 'placements',
        nature: 'Is a foster carer',
        declaredAt: '2026-04-14T17:40:00+01:00',
      },
    ]);
  });

  it('shows minutes per item with the correction approved at the next meeting, and their state', async () => {
    const { meetings, decisions } = p.north;
    const april = await detail(p.north.tenantId, meetings.april);
    expect(april.minutes).toEqual({
      state: 'published',
      draftedAt: '2026-04-20T10:00:00+01:00',
      approval: {
        approvedAtMeetingId: meetings.june,
        decisionId: decisions.approveMinutes,
        at: '2026-06-09T17:36:00+01:00',
        corrections: 1,
      },
      publishedAt: '2026-06-10T10:00:00+01:00',
    });
    const item = (id: string) => april.agenda.find((i) => i.itemId === id)!;
    expect(item('placements').minutes).toEqual({
      text: CORRECTED_PLACEMENTS_MINUTES,
      asRecorded: 'The board received the report.',
      corrected: true,
      recordedAt: '2026-04-14T18:05:00+01:00',
      state: 'published',
    });
    expect(item('apologies').minutes).toMatchObject({ corrected: false, state: 'published' });
    expect(item('voice-of-children-and-young-people').minutes).toBeUndefined();
  });

  it('lists the decisions recorded at the meeting with their later amendment or supersession', async () => {
    const { meetings, decisions } = p.north;
    const april = await detail(p.north.tenantId, meetings.april);
    expect(april.decisions).toEqual([
      {
        decisionId: decisions.placements,
        reference: 'D-0001',
        itemId: 'placements',
        resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
        kind: 'resolution',
        recordedAt: '2026-04-14T18:10:00+01:00',
        amendedBy: [decisions.amendPlacements],
        supersededBy: undefined,
      },
      {
        decisionId: decisions.noted,
        reference: 'D-0002',
        itemId: 'commissioning-costs',
        resolution: 'The board noted the commissioning costs.',
        kind: 'noted',
        recordedAt: '2026-04-14T18:30:00+01:00',
        amendedBy: [],
        supersededBy: decisions.commissioning,
      },
    ]);
    const june = await detail(p.north.tenantId, meetings.june);
    expect(june.decisions.map((d) => d.decisionId)).toEqual([
      decisions.approveMinutes,
      decisions.amendPlacements,
      decisions.commissioning,
    ]);
    // Short references count the board's decisions in the order recorded, whichever meeting took them.
    expect(june.decisions.map((d) => d.reference)).toEqual(['D-0003', 'D-0004', 'D-0005']);
    expect(june).toMatchObject({ status: 'closed', minutes: { state: 'being-taken' } });
    expect(june.attendance).toMatchObject({ presentCount: 5, quorate: true });
  });

  it('keeps the status timeline, with reschedules and their reasons', async () => {
    const april = await detail(p.north.tenantId, p.north.meetings.april);
    expect(april.timeline.map((t) => [t.event, t.status])).toEqual([
      ['MeetingScheduled', 'scheduled'],
      ['AgendaPublished', 'agenda-published'],
      ['MeetingOpened', 'in-progress'],
      ['MeetingClosed', 'closed'],
      ['MinutesDrafted', 'minutes-drafted'],
      ['MinutesApproved', 'minutes-approved'],
      ['MinutesPublished', 'minutes-published'],
    ]);
    const september = await detail(p.north.tenantId, p.north.meetings.september);
    expect(september.timeline).toEqual([
      { event: 'MeetingScheduled', status: 'scheduled', at: '2026-03-02T09:05:00Z', detail: undefined },
      {
        event: 'MeetingRescheduled',
        status: 'scheduled',
        at: '2026-05-20T10:05:00+01:00',
        detail: { startsAt: '2026-09-22T17:30:00+01:00', reason: 'Room unavailable' },
      },
    ]);
    expect(september).toMatchObject({
      status: 'scheduled',
      startsAt: '2026-09-22T17:30:00+01:00',
      onlineLink: 'https://meet.example/cpb-september',
      notice: undefined,
      attendance: { recorded: false, quorum: 3, entries: [] },
      minutes: { state: 'none' },
      decisions: [],
    });
    const july = await detail(p.north.tenantId, p.north.meetings.july);
    expect(july).toMatchObject({ status: 'cancelled', cancelledReason: 'Clashes with the budget meeting' });
  });

  it("answers another tenant's meeting, or an unknown one, as not found", async () => {
    await expect(detail(p.north.tenantId, p.south.meetings.april)).rejects.toBeInstanceOf(NotFound);
    await expect(detail(p.north.tenantId, 'no-such-meeting')).rejects.toBeInstanceOf(NotFound);
    const south = await detail(p.south.tenantId, p.south.meetings.april);
    expect(south.attendance.entries.every((e) => e.memberId.startsWith('south-'))).toBe(true);
  });
});

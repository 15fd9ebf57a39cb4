import { PROJECTION_SPEC_TENANT as TENANT, projectionSpec, type GivenEvent } from '#testing';
import { meetingStream } from '../../domain/index.js';
import { ITEMS, MEETING, TIMELINE, meetingDetailProjection } from './meeting-detail.projection.js';

// The meeting detail projection in the deciders' style: given these events, then these rows.

const M = 'm-1';
const scheduled: GivenEvent = [
  meetingStream(M),
  {
    type: 'MeetingScheduled',
    data: {
      meetingId: M,
      title: 'Spring board',
      startsAt: '2026-03-02T18:00:00Z',
      place: 'Town Hall',
      jurisdiction: 'england',
      quorum: 3,
      themes: ['housing'],
      principles: [],
      at: '2026-01-05T10:00:00Z',
    },
  },
];
const item = (itemId: string, title: string): GivenEvent => [
  meetingStream(M),
  {
    type: 'AgendaItemAdded',
    data: {
      meetingId: M,
      itemId,
      title,
      purpose: 'discussion',
      lead: 'Chair',
      themes: ['housing'],
      principles: [],
      papers: [{ title: 'Report', link: 'https://example.org/r.pdf' }],
      restricted: false,
      standing: false,
      at: '2026-01-06T10:00:00Z',
    },
  },
];
const itemRow = (itemId: string, title: string, position: number, withdrawn = false) => ({
  tenant_id: TENANT,
  meeting_id: M,
  item_id: itemId,
  position,
  title,
  purpose: 'discussion',
  lead: 'Chair',
  themes: ['housing'],
  principles: [],
  papers: [{ title: 'Report', link: 'https://example.org/r.pdf', fileRef: null }],
  restricted: false,
  standing: false,
  withdrawn,
  withdrawn_reason: withdrawn ? 'Moved to May' : null,
  urgency_reason: null,
  added_at: '2026-01-06T10:00:00Z',
  minutes_text: null,
  minutes_recorded_at: null,
  corrected_text: null,
});

const meetingDetail = projectionSpec(meetingDetailProjection);

describe('meeting detail projection: given events, then rows', () => {
  it('a scheduled meeting is one row, with its timeline entry', async () => {
    const projected = meetingDetail.given(scheduled);
    await projected.then(MEETING, [
      {
        tenant_id: TENANT,
        meeting_id: M,
        title: 'Spring board',
        starts_at: '2026-03-02T18:00:00Z',
        ends_at: null,
        place: 'Town Hall',
        online_link: null,
        status: 'scheduled',
        jurisdiction: 'england',
        quorum: 3,
        themes: ['housing'],
        principles: [],
        notice: null,
        attendance: null,
        present_count: null,
        quorate: null,
        cancelled_reason: null,
        adjourned_reason: null,
        minutes_drafted_at: null,
        minutes_approval: null,
        minutes_published_at: null,
      },
    ]);
    const [timeline] = await projected.rows(TIMELINE);
    expect(timeline).toMatchObject({ event_type: 'MeetingScheduled', status: 'scheduled', detail: null });
  });

  it('a withdrawn item keeps its row, flagged, after the items still on the agenda', async () => {
    await meetingDetail
      .given(scheduled, item('a', 'Housing'), item('b', 'Education'))
      .when([
        meetingStream(M),
        {
          type: 'AgendaItemWithdrawn',
          data: { meetingId: M, itemId: 'a', reason: 'Moved to May', at: '2026-01-07T10:00:00Z' },
        },
      ])
      .then(ITEMS, [itemRow('a', 'Housing', 1, true), itemRow('b', 'Education', 0)]);
  });

  it('follows people leaving and arriving: attendance, the count present and the quorum', async () => {
    const at = '2026-03-02T18:05:00Z';
    const opened: GivenEvent = [
      meetingStream(M),
      {
        type: 'MeetingOpened',
        data: {
          meetingId: M,
          attendance: [
            { memberId: 'chair', status: 'present' },
            { memberId: 'cllr-a', status: 'present' },
            { memberId: 'sub-1', status: 'substitute', substituteFor: 'dcs' },
            { memberId: 'cllr-b', status: 'apologies' },
          ],
          quorum: 3,
          presentCount: 3,
          quorate: true,
          at,
        },
      },
    ];
    const left: GivenEvent = [
      meetingStream(M),
      { type: 'MemberLeft', data: { meetingId: M, memberId: 'sub-1', presentCount: 2, quorate: false, at } },
    ];
    const arrived: GivenEvent = [
      meetingStream(M),
      {
        type: 'MemberArrived',
        data: { meetingId: M, memberId: 'cllr-b', status: 'present', presentCount: 3, quorate: true, at },
      },
    ];
    const [afterLeaving] = await meetingDetail.given(scheduled, opened, left).rows(MEETING);
    expect(afterLeaving).toMatchObject({ present_count: 2, quorate: false });
    expect(afterLeaving!.attendance).toContainEqual({ memberId: 'sub-1', status: 'absent', substituteFor: 'dcs' });
    const [afterArriving] = await meetingDetail.given(scheduled, opened, left, arrived).rows(MEETING);
    expect(afterArriving).toMatchObject({ present_count: 3, quorate: true });
    expect(afterArriving!.attendance).toEqual([
      { memberId: 'chair', status: 'present', substituteFor: null },
      { memberId: 'cllr-a', status: 'present', substituteFor: null },
      { memberId: 'sub-1', status: 'absent', substituteFor: 'dcs' },
      { memberId: 'cllr-b', status: 'present', substituteFor: null },
    ]);
  });

  it('keeps on each row the board its events came from (what every query filters by)', async () => {
    const [row] = await projectionSpec(meetingDetailProjection, { tenantId: 'tenant-other' })
      .given(scheduled)
      .rows(MEETING);
    expect(row).toMatchObject({ tenant_id: 'tenant-other' });
  });
});

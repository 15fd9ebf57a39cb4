import { PROJECTION_SPEC_TENANT as TENANT, projectionSpec, type GivenEvent } from '#testing';
import { VIEW_TIMELINE, viewTimelineProjection } from './history.projections.js';

// The view timeline index in the deciders' style: given views' events, then the rows it keeps.

const view = (id: string, type: string, data: Record<string, unknown> = {}): GivenEvent => [
  `contribution-${id}`,
  { type, data: { contributionId: id, at: '2026-03-02T09:00:00Z', ...data } },
];

describe('audit view timeline projection: given events, then rows', () => {
  it('numbers each view in the order it arrived on the board, on its submitted row only, and keeps no words', async () => {
    const rows = await projectionSpec(viewTimelineProjection)
      .given(
        view('v-b', 'ContributionSubmitted', { text: 'words of b', themes: ['school'] }),
        view('v-a', 'ContributionSubmitted', { text: 'words of a', themes: ['health'] }),
        view('v-b', 'ContributionAccepted'),
        view('v-a', 'ContributionTabled', { meetingId: 'm-1', itemId: 'i-1' }),
      )
      .rows(VIEW_TIMELINE);
    expect(rows.map((r) => [r.tenant_id, r.contribution_id, r.kind, r.arrival, r.themes, r.item_id])).toEqual([
      [TENANT, 'v-b', 'submitted', 1, ['school'], null],
      [TENANT, 'v-a', 'submitted', 2, ['health'], null],
      [TENANT, 'v-b', 'accepted', null, null, null],
      [TENANT, 'v-a', 'tabled', null, null, 'i-1'],
    ]);
    expect(JSON.stringify(rows)).not.toContain('words of');
  });
});

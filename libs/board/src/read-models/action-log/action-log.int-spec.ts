import { NotFound } from '#platform';
import { boardOverviewProjection } from '../board-overview/board-overview.projection.js';
import { MEMBER_NAMES } from '../board-history.test-scenario.js';
import {
  clockAt,
  parkedCount,
  projectBoardHistories,
  READ_DATABASES,
  type ProjectedBoards,
} from '../read-model.test-harness.js';
import { actionLogProjection } from './action-log.projection.js';
import { GetAction, GetActionHandler } from './get-action.query.js';
import { GetActions, GetActionsHandler, type ActionsFilter } from './get-actions.query.js';

describe.each(READ_DATABASES)('action log read model on %s', (kind) => {
  let p: ProjectedBoards;
  beforeAll(async () => {
    p = await projectBoardHistories(kind, [boardOverviewProjection, actionLogProjection]);
  });
  afterAll(async () => p.close());

  const actions = (now: string, filter: ActionsFilter = {}, tenantId = p.north.tenantId) =>
    new GetActionsHandler(p.db, clockAt(now)).execute(new GetActions(tenantId, filter));
  const ids = async (now: string, filter: ActionsFilter = {}) => (await actions(now, filter)).map((a) => a.actionId);

  it('projects every event without parking any', async () => {
    expect(await parkedCount(p.runner)).toBe(0);
  });

  it('lists every action soonest due first, with owner, decision and where it stands', async () => {
    const { actions: a, decisions, meetings, members } = p.north;
    const list = await actions('2026-06-15T12:00:00Z');
    expect(list.map((x) => [x.actionId, x.dueOn, x.status])).toEqual([
      [a.visit, '2026-04-30', 'open'],
      [a.guidance, '2026-05-01', 'completed'],
      [a.survey, '2026-05-15', 'cancelled'],
      [a.report, '2026-06-30', 'open'],
    ]);
    expect(list[1]).toEqual({
      actionId: a.guidance,
      decisionId: decisions.placements,
      meetingId: meetings.april,
      resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
      description: 'Publish school-moves guidance',
      owner: { kind: 'member', memberId: members.officer, name: MEMBER_NAMES.officer },
      dueOn: '2026-05-01',
      status: 'completed',
      overdue: false,
      assignedAt: '2026-04-14T18:40:00+01:00',
      progressNotes: 1,
      lastProgressAt: '2026-04-20T09:00:00+01:00',
      completedOn: '2026-04-28',
      evidence: 'Guidance published',
      cancelledAt: undefined,
      cancelledReason: undefined,
    });
    expect(list[2]).toMatchObject({ cancelledReason: 'Covered by the guidance', overdue: false });
    expect(list[3]!.owner).toEqual({ kind: 'officer', officerId: p.north.officerStaffId, name: 'Jo Bloggs' });
  });

  it('derives overdue from the due date and the London date today, never storing it', async () => {
    const { visit, report } = p.north.actions;
    // The due date itself is not late.
    expect(await ids('2026-04-30T12:00:00Z', { status: 'overdue' })).toEqual([]);
    // 23:30 UTC on 30 April is already 1 May in London (BST).
    expect(await ids('2026-04-30T23:30:00Z', { status: 'overdue' })).toEqual([visit]);
    const open = await actions('2026-05-01T09:00:00Z', { status: 'open' });
    expect(open.map((x) => [x.actionId, x.overdue])).toEqual([
      [visit, true],
      [report, false],
    ]);
    expect(await ids('2026-07-01T09:00:00Z', { status: 'overdue' })).toEqual([visit, report]);
  });

  it('filters by status, owner and decision', async () => {
    const { actions: a, members, decisions } = p.north;
    const now = '2026-06-15T12:00:00Z';
    expect(await ids(now, { status: 'completed' })).toEqual([a.guidance]);
    expect(await ids(now, { status: 'cancelled' })).toEqual([a.survey]);
    expect(await ids(now, { owner: members.chair })).toEqual([a.visit]);
    expect(await ids(now, { owner: p.north.officerStaffId })).toEqual([a.report]);
    expect(await ids(now, { owner: members.officer, status: 'open' })).toEqual([]);
    expect(await ids(now, { decision: decisions.placements })).toHaveLength(4);
    expect(await ids(now, { decision: decisions.noted })).toEqual([]);
  });

  it('shows one action with its progress notes', async () => {
    const detail = await new GetActionHandler(p.db, clockAt('2026-07-01T09:00:00Z')).execute(
      new GetAction(p.north.tenantId, p.north.actions.report),
    );
    expect(detail).toMatchObject({ status: 'open', overdue: true, progressNotes: 1 });
    expect(detail.progress).toEqual([{ note: 'Data requested', at: '2026-05-15T10:00:00+01:00' }]);
  });

  it("keeps each tenant's actions to itself", async () => {
    const south = await actions('2026-06-15T12:00:00Z', {}, p.south.tenantId);
    expect(south.map((x) => x.actionId).sort()).toEqual(Object.values(p.south.actions).sort());
    expect(await ids('2026-06-15T12:00:00Z', { owner: p.south.members.chair })).toEqual([]);
    await expect(
      new GetActionHandler(p.db, clockAt('2026-06-15T12:00:00Z')).execute(
        new GetAction(p.north.tenantId, p.south.actions.report),
      ),
    ).rejects.toBeInstanceOf(NotFound);
  });
});

import { NotFound } from '#platform';
import type { CitedViewState, CitedViewStatesReader } from '../../contracts/contribution-citability.js';
import { APRIL_STARTS_AT } from '../board-history.test-scenario.js';
import {
  parkedCount,
  projectBoardHistories,
  READ_DATABASES,
  type ProjectedBoards,
} from '../read-model.test-harness.js';
import { GetMeetingDetail, GetMeetingDetailHandler } from '../meeting-detail/get-meeting-detail.query.js';
import { meetingDetailProjection } from '../meeting-detail/meeting-detail.projection.js';
import { decisionsRegisterProjection } from './decisions-register.projection.js';
import { GetDecision, GetDecisionHandler } from './get-decision.query.js';
import { GetDecisions, GetDecisionsHandler, type DecisionsFilter } from './get-decisions.query.js';

describe.each(READ_DATABASES)('decisions register read model on %s', (kind) => {
  let p: ProjectedBoards;
  beforeAll(async () => {
    p = await projectBoardHistories(kind, [decisionsRegisterProjection, meetingDetailProjection]);
  });
  afterAll(async () => p.close());

  const register = (tenantId: string, filter: DecisionsFilter = {}) =>
    new GetDecisionsHandler(p.db).execute(new GetDecisions(tenantId, filter));
  const ids = async (filter: DecisionsFilter) => (await register(p.north.tenantId, filter)).map((d) => d.decisionId);
  const decision = (tenantId: string, decisionId: string) =>
    new GetDecisionHandler(p.db).execute(new GetDecision(tenantId, decisionId));

  it('projects every event without parking any', async () => {
    expect(await parkedCount(p.runner)).toBe(0);
  });

  it('lists every decision newest first with meeting, item, tags, voice evidence and change flags', async () => {
    const d = p.north.decisions;
    const list = await register(p.north.tenantId);
    expect(list.map((x) => x.decisionId)).toEqual([
      d.commissioning,
      d.amendPlacements,
      d.approveMinutes,
      d.noted,
      d.placements,
    ]);
    expect(list.at(-1)).toEqual({
      decisionId: d.placements,
      reference: 'D-0001',
      resolution: 'Every child moving placement keeps their school unless they choose otherwise.',
      kind: 'resolution',
      recommendedTo: undefined,
      meeting: { meetingId: p.north.meetings.april, title: 'Corporate Parenting Board', startsAt: APRIL_STARTS_AT },
      item: { itemId: 'placements', title: 'Placement stability: quarterly report' },
      themes: ['placement-stability'],
      principles: ['safe-and-stable', 'take-views-into-account'],
      reached: { method: 'vote', for: 3, against: 0, abstain: 0 },
      voiceEvidence: {
        contributions: 3,
        influence: { shaped: 1, informed: 1, 'considered-not-adopted': 1 },
        noneAppliedReason: undefined,
      },
      recordedAt: '2026-04-14T18:10:00+01:00',
      decidedOn: '2026-04-14',
      amended: true,
      superseded: false,
      supersededBy: undefined,
      supersededByReference: undefined,
      amendsDecisionId: undefined,
      supersedesDecisionId: undefined,
    });
    const noted = list.find((x) => x.decisionId === d.noted)!;
    expect(noted).toMatchObject({
      kind: 'noted',
      reached: { method: 'consensus' },
      voiceEvidence: {
        contributions: 0,
        influence: { shaped: 0, informed: 0, 'considered-not-adopted': 0 },
        noneAppliedReason: 'Commercial costs only: no views were sought.',
      },
      amended: false,
      superseded: true,
      supersededBy: d.commissioning,
      supersededByReference: list[0]!.reference,
    });
    expect(list[0]).toMatchObject({ supersedesDecisionId: d.noted, item: { title: 'Commissioning review' } });
    expect(list[1]).toMatchObject({ amendsDecisionId: d.placements });
  });

  it('gives each decision the short reference its meeting page gives it: per board, in the order recorded', async () => {
    for (const board of [p.north, p.south]) {
      const meetings = new GetMeetingDetailHandler(p.db);
      const expected = new Map<string, string>();
      for (const meetingId of new Set((await register(board.tenantId)).map((x) => x.meeting.meetingId))) {
        const detail = await meetings.execute(new GetMeetingDetail(board.tenantId, meetingId));
        for (const d of detail.decisions) expected.set(d.decisionId, d.reference);
      }
      const list = await register(board.tenantId);
      expect(list.map((x) => [x.decisionId, x.reference])).toEqual(
        list.map((x) => [x.decisionId, expected.get(x.decisionId)]),
      );
      // Every board counts from D-0001, oldest first.
      expect(list.map((x) => x.reference).sort()).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004', 'D-0005']);
    }
  });

  it('filters by theme, principle and London date range', async () => {
    const d = p.north.decisions;
    expect(await ids({ theme: 'placement-stability' })).toEqual([d.amendPlacements, d.placements]);
    expect(await ids({ theme: 'health' })).toEqual([]);
    expect(await ids({ principle: 'take-views-into-account' })).toEqual([d.placements]);
    expect(await ids({ principle: 'prepare-for-adulthood' })).toEqual([d.amendPlacements]);
    expect(await ids({ from: '2026-06-01' })).toEqual([d.commissioning, d.amendPlacements, d.approveMinutes]);
    expect(await ids({ to: '2026-04-14' })).toEqual([d.noted, d.placements]);
    expect(await ids({ from: '2026-04-15', to: '2026-06-08' })).toEqual([]);
    expect(await ids({ theme: 'placement-stability', from: '2026-06-09', to: '2026-06-09' })).toEqual([
      d.amendPlacements,
    ]);
  });

  it('filters by influence and by whether views were cited', async () => {
    const d = p.north.decisions;
    expect(await ids({ influence: 'shaped' })).toEqual([d.amendPlacements, d.placements]);
    expect(await ids({ influence: 'informed' })).toEqual([d.placements]);
    expect(await ids({ influence: 'considered-not-adopted' })).toEqual([d.placements]);
    expect(await ids({ voiceEvidence: 'with' })).toEqual([d.amendPlacements, d.placements]);
    expect(await ids({ voiceEvidence: 'without' })).toEqual([d.commissioning, d.approveMinutes, d.noted]);
    expect(await ids({ voiceEvidence: 'without', influence: 'shaped' })).toEqual([]);
  });

  it('shows a decision in full with the views cited and its amendment history', async () => {
    const d = p.north.decisions;
    const placements = await decision(p.north.tenantId, d.placements);
    expect(placements).toMatchObject({
      reasons: 'Young people told us moving school was the hardest part of a move.',
      alternativesRejected: [{ option: 'Review case by case', why: 'Left too many moves unplanned' }],
      interestsDeclared: [p.north.members.councillor],
      amends: undefined,
      supersedes: undefined,
      supersededByDecision: undefined,
    });
    expect(placements.citations).toEqual([
      {
        contributionId: 'north-view-1',
        influence: 'shaped',
        rationale: 'You told us changing school hurt most.',
        state: 'current',
      },
      {
        contributionId: 'north-view-2',
        influence: 'informed',
        rationale: 'You told us about long journeys.',
        state: 'current',
      },
      {
        contributionId: 'north-view-3',
        influence: 'considered-not-adopted',
        rationale: 'We could not promise the same carer every time.',
        state: 'current',
      },
    ]);
    const amendingReference = (await register(p.north.tenantId)).find(
      (x) => x.decisionId === d.amendPlacements,
    )!.reference;
    const amendment = {
      decisionId: d.amendPlacements,
      reference: amendingReference,
      reason: 'Young people asked that it cover college',
      changes: 'Extends the rule to college placements',
      at: '2026-06-09T18:00:00+01:00',
    };
    expect(placements.amendedBy).toEqual([amendment]);
    expect(placements.history).toEqual([
      {
        event: 'recorded',
        at: '2026-04-14T18:10:00+01:00',
        relatedDecisionId: undefined,
        relatedReference: undefined,
        reason: undefined,
        changes: undefined,
      },
      {
        event: 'amended',
        at: amendment.at,
        relatedDecisionId: d.amendPlacements,
        relatedReference: amendingReference,
        reason: amendment.reason,
        changes: amendment.changes,
      },
    ]);
    const amending = await decision(p.north.tenantId, d.amendPlacements);
    expect(amending.amends).toEqual({
      decisionId: d.placements,
      reference: 'D-0001',
      reason: amendment.reason,
      changes: amendment.changes,
    });
    expect(amending.history[0]).toMatchObject({
      event: 'recorded',
      relatedDecisionId: d.placements,
      relatedReference: 'D-0001',
    });
  });

  it('marks citations of views later withdrawn, erased or withheld, asking the voice context once per decision', async () => {
    const asked: Array<{ tenantId: string; ids: readonly string[] }> = [];
    const states: Record<string, CitedViewState> = {
      'north-view-1': 'withdrawn',
      'north-view-2': 'erased',
      'north-view-3': 'withheld',
    };
    const reader: CitedViewStatesReader = {
      states: async (tenantId, ids) => {
        asked.push({ tenantId, ids });
        return ids.map((contributionId) => ({ contributionId, state: states[contributionId] ?? 'unknown' }));
      },
    };
    const handler = new GetDecisionHandler(p.db, reader);
    const placements = await handler.execute(new GetDecision(p.north.tenantId, p.north.decisions.placements));
    expect(placements.citations).toEqual([
      {
        contributionId: 'north-view-1',
        influence: 'shaped',
        rationale: 'You told us changing school hurt most.',
        state: 'withdrawn',
        note: 'a view later withdrawn by its author',
      },
      {
        contributionId: 'north-view-2',
        influence: 'informed',
        rationale: 'You told us about long journeys.',
        state: 'erased',
        note: 'a view later erased',
      },
      {
        contributionId: 'north-view-3',
        influence: 'considered-not-adopted',
        rationale: 'We could not promise the same carer every time.',
        state: 'withheld',
        note: 'a view since withheld from the board',
      },
    ]);
    expect(asked).toEqual([{ tenantId: p.north.tenantId, ids: ['north-view-1', 'north-view-2', 'north-view-3'] }]);
    // A view the voice context does not know stands as recorded; a decision citing none asks nothing.
    states['north-view-1'] = 'unknown';
    const again = await handler.execute(new GetDecision(p.north.tenantId, p.north.decisions.placements));
    expect(again.citations[0]).toEqual({
      contributionId: 'north-view-1',
      influence: 'shaped',
      rationale: 'You told us changing school hurt most.',
      state: 'current',
    });
    asked.length = 0;
    expect((await handler.execute(new GetDecision(p.north.tenantId, p.north.decisions.noted))).citations).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('shows a superseded decision with what replaced it, and why', async () => {
    const d = p.north.decisions;
    const noted = await decision(p.north.tenantId, d.noted);
    expect(noted.citations).toEqual([]);
    const replacing = await decision(p.north.tenantId, d.commissioning);
    expect(noted.supersededByDecision).toEqual({
      decisionId: d.commissioning,
      reference: replacing.reference,
      reason: 'New costs were reported',
      changes: undefined,
      at: '2026-06-09T18:20:00+01:00',
    });
    expect(noted.history.map((h) => h.event)).toEqual(['recorded', 'superseded']);
    expect(replacing.supersedes).toEqual({
      decisionId: d.noted,
      reference: noted.reference,
      reason: 'New costs were reported',
    });
  });

  it("keeps each tenant's register to itself", async () => {
    await expect(decision(p.north.tenantId, p.south.decisions.placements)).rejects.toBeInstanceOf(NotFound);
    await expect(decision(p.north.tenantId, 'no-such-decision')).rejects.toBeInstanceOf(NotFound);
    const south = await register(p.south.tenantId, { theme: 'placement-stability' });
    expect(south.map((x) => x.decisionId)).toEqual([p.south.decisions.amendPlacements, p.south.decisions.placements]);
    expect(await register('tenant-without-decisions')).toEqual([]);
  });
});

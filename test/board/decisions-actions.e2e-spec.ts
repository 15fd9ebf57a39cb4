import { BoardAggregates } from '../../libs/board/src/commands/board-aggregates.js';
import { actionStream, addDays, isOverdue, londonDateOf } from '../../libs/board/src/domain/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Callers, codeOf, decisionBody, eventTypes, fieldsOf, head, store } from './decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from './support/meeting-fixture.js';

const DAY = 24 * 60 * 60 * 1000;

describe('actions assigned by decisions, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;
  let officerId: string;
  let meetingId: string;
  let decisionId: string;

  const today = () => londonDateOf(t.clock.now().toISOString());
  const aggregates = () => t.app.get(BoardAggregates);

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    const chair = await callers.me('chair');
    tenantId = chair.tenantId;
    officerId = (await callers.me('officer')).userId;
    const meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
    meetingId = await meetings.inProgress();
    const decided = await callers.post(
      'chair',
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody(),
    );
    decisionId = decided.json<{ decisionId: string }>().decisionId;
  });
  afterAll(async () => t.close());

  const assign = (who: Parameters<Callers['post']>[0], body: Record<string, unknown>, forDecision = decisionId) =>
    callers.post(who, `/api/decisions/${forDecision}/actions`, body);
  const officerOwns = () => ({ officer: { id: officerId, name: 'Head of Placements' } });
  const actionBody = (overrides: Record<string, unknown> = {}) => ({
    description: 'Report school moves to the next board',
    owner: { memberId: 'm-dcs' },
    dueOn: addDays(today(), 30),
    ...overrides,
  });
  const actionIdOf = async (response: Awaited<ReturnType<typeof assign>>) => {
    expect(response.status).toBe(201);
    return response.json<{ actionId: string }>().actionId;
  };

  it('is assigned by the chair or the clerk, to a member or an officer, with a due date', async () => {
    const byChair = await assign('chair', actionBody());
    expect(byChair.status).toBe(201);
    const { actionId, events } = byChair.json<{ actionId: string; events: string[] }>();
    expect(events).toEqual(['ActionAssigned']);
    expect(await aggregates().action(tenantId, actionId)).toMatchObject({
      status: 'open',
      decisionId,
      owner: { memberId: 'm-dcs' },
      dueOn: addDays(today(), 30),
    });
    const byClerk = await assign('clerk', actionBody({ owner: officerOwns() }));
    const officerAction = await actionIdOf(byClerk);
    expect((await aggregates().action(tenantId, officerAction)).owner).toEqual(officerOwns());
  });

  it('refuses others (403), no token (401), another board (404), an unknown decision (404); writes nothing', async () => {
    const before = await head(t);
    for (const role of ['member', 'officer', 'auditor', 'admin'] as const) {
      expect({ role, status: (await assign(role, actionBody())).status }).toEqual({ role, status: 403 });
    }
    expect((await assign(undefined, actionBody())).status).toBe(401);
    expect((await assign('other-chair', actionBody())).status).toBe(404);
    expect((await assign('other-clerk', actionBody())).status).toBe(404);
    expect((await assign('chair', actionBody(), 'no-such-decision')).status).toBe(404);
    expect(await head(t)).toBe(before);
  });

  it('refuses bad input (400 with the field) and a due date already past (422); writes nothing', async () => {
    const before = await head(t);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ owner: { memberId: 'm-dcs', officer: { name: 'Both' } } }, ['owner']],
      [{ owner: {} }, ['owner']],
      [{ owner: { officer: { id: 'x y' } } }, ['owner.officer.id', 'owner.officer.name']],
      [{ description: ' ', dueOn: '30/06/2026' }, ['description', 'dueOn']],
    ];
    for (const [overrides, fields] of cases) {
      const response = await assign('chair', actionBody(overrides));
      expect({ status: response.status, fields: fieldsOf(response) }).toEqual({ status: 400, fields });
    }
    const past = await assign('chair', actionBody({ dueOn: addDays(today(), -1) }));
    expect({ status: past.status, code: codeOf(past) }).toEqual({ status: 422, code: 'due-date-in-past' });
    expect(await head(t)).toBe(before);
  });

  it('answers a retried assignment (same Idempotency-Key) with the same action, written once', async () => {
    const headers = { 'idempotency-key': 'assign-action-retry-0001' };
    const first = await callers.post('chair', `/api/decisions/${decisionId}/actions`, actionBody(), headers);
    const before = await head(t);
    const retry = await callers.post('chair', `/api/decisions/${decisionId}/actions`, actionBody(), headers);
    expect(retry.status).toBe(201);
    expect(retry.json()).toMatchObject({ actionId: first.json<{ actionId: string }>().actionId, duplicate: true });
    expect(await head(t)).toBe(before);
  });

  it('lets an officer update only the actions they own; the chair and clerk update any', async () => {
    const owned = await actionIdOf(await assign('clerk', actionBody({ owner: officerOwns() })));
    const notOwned = await actionIdOf(
      await assign('clerk', actionBody({ owner: { officer: { name: 'Someone else' } } })),
    );
    const byMember = await actionIdOf(await assign('clerk', actionBody()));

    const mine = await callers.post('officer', `/api/actions/${owned}/progress`, {
      note: 'Data requested from schools',
    });
    expect(mine.status).toBe(200);
    expect(mine.json()).toMatchObject({ id: owned, events: ['ActionProgressRecorded'] });

    const before = await head(t);
    for (const actionId of [notOwned, byMember]) {
      const progress = await callers.post('officer', `/api/actions/${actionId}/progress`, { note: 'Not mine' });
      expect(progress.status).toBe(403);
      const complete = await callers.post('officer', `/api/actions/${actionId}/complete`, { evidence: 'Not mine' });
      expect(complete.status).toBe(403);
    }
    expect(await head(t)).toBe(before);

    for (const role of ['chair', 'clerk'] as const) {
      const response = await callers.post(role, `/api/actions/${byMember}/progress`, { note: `Chased by the ${role}` });
      expect(response.status).toBe(200);
    }
    expect((await aggregates().action(tenantId, byMember)).progressNotes).toBe(2);
  });

  it('completes with evidence (required), once; cancels with a reason (chair or clerk only)', async () => {
    const owned = await actionIdOf(await assign('chair', actionBody({ owner: officerOwns() })));
    const other = await actionIdOf(await assign('chair', actionBody()));
    const before = await head(t);
    const noEvidence = await callers.post('officer', `/api/actions/${owned}/complete`, { evidence: '' });
    expect({ status: noEvidence.status, fields: fieldsOf(noEvidence) }).toEqual({ status: 400, fields: ['evidence'] });
    const noReason = await callers.post('chair', `/api/actions/${other}/cancel`, {});
    expect({ status: noReason.status, fields: fieldsOf(noReason) }).toEqual({ status: 400, fields: ['reason'] });
    const officerCancels = await callers.post('officer', `/api/actions/${owned}/cancel`, { reason: 'Mine, but no' });
    expect(officerCancels.status).toBe(403);
    const memberUpdates = await callers.post('member', `/api/actions/${other}/progress`, { note: 'x' });
    expect(memberUpdates.status).toBe(403);
    const otherBoard = await callers.post('other-chair', `/api/actions/${other}/progress`, { note: 'x' });
    expect(otherBoard.status).toBe(404);
    const otherOfficer = await callers.post('other-officer', `/api/actions/${owned}/progress`, { note: 'x' });
    expect(otherOfficer.status).toBe(404);
    expect((await callers.post('chair', '/api/actions/no-such-action/progress', { note: 'x' })).status).toBe(404);
    expect(await head(t)).toBe(before);

    const done = await callers.post('officer', `/api/actions/${owned}/complete`, { evidence: 'Report to June board' });
    expect(done.json()).toMatchObject({ events: ['ActionCompleted'] });
    const [, completed] = await store(t).readStream(actionStream(owned));
    expect(completed!.data).toMatchObject({ evidence: 'Report to June board', completedOn: today() });
    const cancelled = await callers.post('clerk', `/api/actions/${other}/cancel`, { reason: 'Overtaken by events' });
    expect(cancelled.json()).toMatchObject({ events: ['ActionCancelled'] });

    const afterClosing = await head(t);
    for (const [actionId, verb, body] of [
      [owned, 'progress', { note: 'More' }],
      [owned, 'complete', { evidence: 'Again' }],
      [other, 'cancel', { reason: 'Again' }],
    ] as const) {
      const response = await callers.post('chair', `/api/actions/${actionId}/${verb}`, body);
      expect({ status: response.status, code: codeOf(response) }).toEqual({ status: 422, code: 'action-closed' });
      expect(response.json()).toMatchObject({ actionStatus: actionId === owned ? 'completed' : 'cancelled' });
    }
    expect(await head(t)).toBe(afterClosing);
    expect(await eventTypes(t, actionStream(owned))).toEqual(['ActionAssigned', 'ActionCompleted']);
  });

  it('is overdue once its due date has passed while still open: derived from the date, never stored', async () => {
    const dueOn = addDays(today(), 7);
    const open = await actionIdOf(await assign('chair', actionBody({ dueOn })));
    const doneEarly = await actionIdOf(await assign('chair', actionBody({ dueOn })));
    await callers.post('chair', `/api/actions/${doneEarly}/complete`, { evidence: 'Done early' });
    const stored = await eventTypes(t, actionStream(open));

    t.clock.advance(7 * DAY); // the due date itself is not late
    expect(isOverdue(await aggregates().action(tenantId, open), today())).toBe(false);
    t.clock.advance(1 * DAY);
    expect(today() > dueOn).toBe(true);
    expect(isOverdue(await aggregates().action(tenantId, open), today())).toBe(true);
    expect(isOverdue(await aggregates().action(tenantId, doneEarly), today())).toBe(false);
    expect(await eventTypes(t, actionStream(open))).toEqual(stored); // nothing was written to make it so

    const late = await callers.post('officer', `/api/actions/${open}/progress`, { note: 'x' });
    expect(late.status).toBe(403); // owned by a member, not this officer: still refused after a token refresh
    await callers.post('clerk', `/api/actions/${open}/complete`, { evidence: 'Done, late' });
    expect(isOverdue(await aggregates().action(tenantId, open), today())).toBe(false);
  });
});

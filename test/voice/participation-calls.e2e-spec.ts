import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '#event-store';
import { callForViewsStream, contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, codeOf, eventTypes, fieldsOf, head, store, type Who } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Calls for views through HTTP: staff open and close them, the board lists them with counts only,
// young people list the open ones and answer them through the public give-view route.

interface StaffCall {
  callId: string;
  status: string;
  views: number;
  lateViews: number;
  closedEarlyAt: string | null;
  meetingId: string | null;
  itemId: string | null;
}

describe('calls for views, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let meetingId: string;
  let otherMeetingId: string;

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    const chair = await callers.me('chair');
    meetingId = await (await MeetingFixture.forTenant(t, chair.tenantId, chair.userId)).published();
    const other = await callers.me('other-chair');
    otherMeetingId = await (await MeetingFixture.forTenant(t, other.tenantId, other.userId)).published();
  }, 60_000);
  afterAll(async () => t?.close());

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

  function callBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      question: 'What would make moving to a new placement less scary?',
      closesOn: '2026-03-31',
      meetingId,
      itemId: DECISION_ITEM,
      themes: ['placement-stability'],
      ...overrides,
    };
  }

  async function open(overrides: Record<string, unknown> = {}, who: Who = 'clerk'): Promise<string> {
    const response = await callers.post(who, '/api/calls-for-views', callBody(overrides));
    expect(response.status).toBe(201);
    return response.json<{ id: string }>().id;
  }

  async function staffList(who: Who = 'clerk'): Promise<StaffCall[]> {
    await caughtUp();
    const response = await t.request('GET', '/api/calls-for-views', { token: await callers.token(who) });
    expect(response.status).toBe(200);
    return response.json<StaffCall[]>();
  }

  async function publicList(board = 'northshire') {
    await caughtUp();
    return t.request('GET', `/api/public/boards/${board}/calls`);
  }

  const give = (callId: string, text: string) =>
    t.request('POST', '/api/public/boards/northshire/views', { body: { text, target: { kind: 'call', callId } } });

  async function submittedOf(text: string): Promise<{ contributionId: string; late: boolean }> {
    const all = await store(t).readAll({ filter: { eventTypes: ['ContributionSubmitted'] } });
    const found = all.find((e) => (e.data as { text: string }).text === text);
    if (!found) throw new Error('view not found in the store');
    return found.data as { contributionId: string; late: boolean };
  }

  it('opens a call linked to a meeting item; staff see it open; young people see only question, date and themes', async () => {
    const callId = await open();
    expect(await eventTypes(t, callForViewsStream(callId))).toEqual(['CallForViewsOpened']);
    const [event] = await store(t).readStream(callForViewsStream(callId));
    expect(event!.data).toMatchObject({ meetingId, itemId: DECISION_ITEM, closesOn: '2026-03-31' });

    const listed = (await staffList()).find((c) => c.callId === callId);
    expect(listed).toEqual({
      callId,
      question: 'What would make moving to a new placement less scary?',
      closesOn: '2026-03-31',
      status: 'open',
      closedEarlyAt: null,
      meetingId,
      itemId: DECISION_ITEM,
      themes: ['placement-stability'],
      openedAt: t.clock.now().toISOString(),
      views: 0,
      lateViews: 0,
    });

    const response = await publicList();
    expect(response.status).toBe(200);
    const mine = response.json<Array<Record<string, unknown>>>().find((c) => c.callId === callId);
    // Exactly these fields: nothing about meetings, counts or staff.
    expect(mine).toEqual({
      callId,
      question: 'What would make moving to a new placement less scary?',
      closesOn: '2026-03-31',
      themes: ['placement-stability'],
    });
  });

  it('a call may stand alone; chair and admin may open one too; a client id makes creation idempotent', async () => {
    const alone = await open({ meetingId: undefined, itemId: undefined }, 'chair');
    const [event] = await store(t).readStream(callForViewsStream(alone));
    expect(event!.data).not.toHaveProperty('meetingId');
    const byAdmin = await open(
      { meetingId, itemId: undefined, question: 'How should we welcome new members?' },
      'admin',
    );
    expect((await staffList()).find((c) => c.callId === byAdmin)).toMatchObject({ meetingId, itemId: null });

    const headers = { 'Idempotency-Key': `open-call-${randomUUID()}` };
    const first = await callers.post('clerk', '/api/calls-for-views', callBody(), headers);
    const again = await callers.post('clerk', '/api/calls-for-views', callBody(), headers);
    expect(first.status).toBe(201);
    expect(again.json()).toMatchObject({ id: first.json<{ id: string }>().id, duplicate: true });
    expect(await eventTypes(t, callForViewsStream(first.json<{ id: string }>().id))).toEqual(['CallForViewsOpened']);
  });

  it('counts the views answering it; closed early, views are still taken and marked late; counts only, no words', async () => {
    const callId = await open();
    const onTime = `On time ${randomUUID()}`;
    expect((await give(callId, onTime)).status).toBe(201);
    expect((await submittedOf(onTime)).late).toBe(false);

    t.clock.advance(60 * 60_000);
    const closed = await callers.post('chair', `/api/calls-for-views/${callId}/close`, {
      reason: 'The meeting was brought forward',
    });
    expect(closed.status).toBe(200);
    expect(closed.json()).toMatchObject({ id: callId, events: ['CallForViewsClosed'], duplicate: false });
    const closedAt = t.clock.now().toISOString();

    t.clock.advance(60_000);
    const late = `After closing ${randomUUID()}`;
    expect((await give(callId, late)).status).toBe(201);
    expect((await submittedOf(late)).late).toBe(true);

    const listed = (await staffList('member')).find((c) => c.callId === callId);
    expect(listed).toMatchObject({ status: 'closed', closedEarlyAt: closedAt, views: 2, lateViews: 1 });
    expect((await publicList()).json<Array<{ callId: string }>>().map((c) => c.callId)).not.toContain(callId);

    // Board-facing: no words, no author, no receipt.
    const raw = (await t.request('GET', '/api/calls-for-views', { token: await callers.token('member') })).text;
    const pseudonyms = (await store(t).readAll({ filter: { eventTypes: ['ContributionSubmitted'] } })).map(
      (e) => (e.data as { authorPseudonym: string }).authorPseudonym,
    );
    expect(raw).not.toContain(onTime);
    expect(raw).not.toContain(late);
    for (const pseudonym of pseudonyms) expect(raw).not.toContain(pseudonym);
    expect(raw).not.toMatch(/authorPseudonym|submittedBy|receipt|text/i);

    // Closing twice is the domain's rule, and writes nothing.
    const before = await head(t);
    const twice = await callers.post('clerk', `/api/calls-for-views/${callId}/close`, {});
    expect({ status: twice.status, code: codeOf(twice) }).toEqual({ status: 422, code: 'call-closed' });
    expect(await head(t)).toBe(before);
  });

  it('a withdrawn view leaves its call’s count', async () => {
    const callId = await open();
    const given = await give(callId, `Withdrawn later ${randomUUID()}`);
    expect((await staffList()).find((c) => c.callId === callId)).toMatchObject({ views: 1 });
    const withdrawn = await t.request('POST', '/api/public/views/withdraw', {
      body: { receiptCode: given.json<{ receiptCode: string }>().receiptCode },
    });
    expect(withdrawn.status).toBe(200);
    expect((await staffList()).find((c) => c.callId === callId)).toMatchObject({ views: 0, lateViews: 0 });
  });

  it('refuses bad input with 400 naming the field, or the rule with 422, and writes nothing', async () => {
    const before = await head(t);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ question: '' }, ['question']],
      [{ question: 'x'.repeat(1001) }, ['question']],
      [{ closesOn: 'next friday' }, ['closesOn']],
      [{ closesOn: '2026-02-30' }, ['closesOn']],
      [{ themes: 'housing' }, ['themes']],
      [{ meetingId: undefined }, ['itemId']],
      [{ surprise: true }, ['surprise']],
    ];
    for (const [overrides, fields] of cases) {
      const response = await callers.post('clerk', '/api/calls-for-views', callBody(overrides));
      expect({ overrides, status: response.status, fields: fieldsOf(response) }).toEqual({
        overrides,
        status: 400,
        fields,
      });
    }
    const past = await callers.post('clerk', '/api/calls-for-views', callBody({ closesOn: '2026-03-01' }));
    expect({ status: past.status, code: codeOf(past) }).toEqual({ status: 422, code: 'closing-date-in-past' });
    const badReason = await callers.post('clerk', `/api/calls-for-views/${randomUUID()}/close`, { reason: '' });
    expect({ status: badReason.status, fields: fieldsOf(badReason) }).toEqual({ status: 400, fields: ['reason'] });
    expect(await head(t)).toBe(before);
  });

  it('is for the clerk, chair and admin; the list for the board’s readers; anyone else 403; no token 401', async () => {
    const callId = await open();
    const before = await head(t);
    for (const who of ['member', 'officer', 'moderator', 'safeguarding-lead', 'auditor'] as const) {
      expect({ who, status: (await callers.post(who, '/api/calls-for-views', callBody())).status }).toEqual({
        who,
        status: 403,
      });
      const close = await callers.post(who, `/api/calls-for-views/${callId}/close`, {});
      expect({ who, status: close.status }).toEqual({ who, status: 403 });
    }
    expect((await callers.post(undefined, '/api/calls-for-views', callBody())).status).toBe(401);
    expect(await head(t)).toBe(before);
    const sl = await t.request('GET', '/api/calls-for-views', { token: await callers.token('safeguarding-lead') });
    expect(sl.status).toBe(403);
    expect((await t.request('GET', '/api/calls-for-views')).status).toBe(401);
    for (const who of ['auditor', 'officer', 'moderator'] as const) {
      expect((await staffList(who)).map((c) => c.callId)).toContain(callId);
    }
  });

  it("another board's call, meeting or item is 404, and its lists never show ours", async () => {
    const ours = await open();
    const before = await head(t);
    const theirMeeting = await callers.post('clerk', '/api/calls-for-views', callBody({ meetingId: otherMeetingId }));
    expect(theirMeeting.status).toBe(404);
    const noItem = await callers.post('clerk', '/api/calls-for-views', callBody({ itemId: 'no-such-item' }));
    expect(noItem.status).toBe(404);
    const noMeeting = await callers.post('clerk', '/api/calls-for-views', callBody({ meetingId: randomUUID() }));
    expect(noMeeting.status).toBe(404);
    expect((await callers.post('other-clerk', `/api/calls-for-views/${ours}/close`, {})).status).toBe(404);
    expect((await callers.post('clerk', `/api/calls-for-views/${randomUUID()}/close`, {})).status).toBe(404);
    // Their clerk cannot take over our call's id either.
    const taken = await callers.post(
      'other-clerk',
      '/api/calls-for-views',
      callBody({ callId: ours, meetingId: otherMeetingId }),
    );
    expect(taken.status).toBe(404);
    expect(await head(t)).toBe(before);

    const theirs = await open({ meetingId: otherMeetingId, question: 'Southvale asks.' }, 'other-clerk');
    expect((await staffList('other-clerk')).map((c) => c.callId)).toEqual([theirs]);
    expect((await staffList('clerk')).map((c) => c.callId)).not.toContain(theirs);
    const southvale = (await publicList('southvale')).json<Array<{ callId: string }>>().map((c) => c.callId);
    expect(southvale).toEqual([theirs]);
    expect((await publicList()).json<Array<{ callId: string }>>().map((c) => c.callId)).not.toContain(theirs);
    expect((await publicList('no-such-board')).status).toBe(404);

    // A view from our board's page to their call, or to no call at all, is 404 and writes nothing.
    const beforeViews = await head(t);
    expect((await give(theirs, 'Wrong board.')).status).toBe(404);
    expect((await give(randomUUID(), 'No such call.')).status).toBe(404);
    expect(await head(t)).toBe(beforeViews);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/api/docs/openapi.json')).json<{ paths: Record<string, object> }>();
    expect(doc.paths['/api/calls-for-views']).toEqual(
      expect.objectContaining({ get: expect.anything(), post: expect.anything() }),
    );
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/calls-for-views/{callId}/close',
        '/api/public/boards/{board}/calls',
        '/api/staff/views',
      ]),
    );
  });

  // Last: it moves the clock past every closing date above.
  it('after the closing London day the call shows closed, and a view given then is accepted, marked late', async () => {
    const callId = await open({ closesOn: '2026-04-30' });
    expect((await publicList()).json<Array<{ callId: string }>>().map((c) => c.callId)).toContain(callId);
    t.clock.set(new Date('2026-04-30T22:59:00Z')); // 23:59 BST: still the closing day
    const onTime = `Last minute ${randomUUID()}`;
    expect((await give(callId, onTime)).status).toBe(201);
    t.clock.set(new Date('2026-04-30T23:00:00Z')); // midnight in London
    const late = `A day late ${randomUUID()}`;
    expect((await give(callId, late)).status).toBe(201);
    expect([(await submittedOf(onTime)).late, (await submittedOf(late)).late]).toEqual([false, true]);
    const stream = await eventTypes(t, contributionStream((await submittedOf(late)).contributionId));
    expect(stream).toEqual(['ContributionSubmitted']);
    expect((await staffList()).find((c) => c.callId === callId)).toMatchObject({
      status: 'closed',
      closedEarlyAt: null,
      views: 2,
      lateViews: 1,
    });
    expect((await publicList()).json<Array<{ callId: string }>>().map((c) => c.callId)).not.toContain(callId);
  });
});

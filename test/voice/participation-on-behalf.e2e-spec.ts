import { randomUUID } from 'node:crypto';
import { ProjectionRunner, type RecordedEvent } from '#event-store';
import { contributionStream } from '../../libs/voice/src/domain/index.js';
import { Callers, fieldsOf, head, store, type Who } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Views given at a Children in Care Council session, in a survey, or to an advocate or worker, entered
// by that member of staff through HTTP: who submitted is recorded from the token, the young person gets
// a receipt code, the same screen and sharing default apply, and staff cannot read the words back here.

interface Entered {
  contributionId: string;
  receiptCode: string;
  whatHappensNext: string;
}

describe('views given on a young person’s behalf, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let meetingId: string;
  let otherMeetingId: string;
  let callId: string;
  let otherCallId: string;

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    const chair = await callers.me('chair');
    meetingId = await (await MeetingFixture.forTenant(t, chair.tenantId, chair.userId)).published();
    const other = await callers.me('other-chair');
    otherMeetingId = await (await MeetingFixture.forTenant(t, other.tenantId, other.userId)).published();
    const question = { question: 'What should change about contact?', closesOn: '2026-03-31' };
    callId = (await callers.post('clerk', '/api/calls-for-views', question)).json<{ id: string }>().id;
    otherCallId = (await callers.post('other-clerk', '/api/calls-for-views', question)).json<{ id: string }>().id;
  }, 60_000);
  afterAll(async () => t?.close());

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

  const enter = (
    body: Record<string, unknown>,
    who: Who | undefined = 'officer',
    headers: Record<string, string> = {},
  ) => callers.post(who, '/api/staff/views', { channel: 'advocate', ...body }, headers);

  async function streamOf(contributionId: string): Promise<RecordedEvent[]> {
    return store(t).readStream(contributionStream(contributionId));
  }

  it('records the view with the worker as submitter, from the token; the young person gets a working receipt code', async () => {
    const officer = await callers.me('officer');
    const text = `I want to see my brother more than once a month ${randomUUID()}`;
    const response = await enter({
      text,
      channel: 'cicc-session',
      themes: ['family-time'],
      target: { kind: 'call', callId },
      ageBand: '12-15',
      careStatus: 'in-care',
    });
    expect(response.status).toBe(201);
    const entered = response.json<Entered>();
    expect(Object.keys(entered).sort()).toEqual(['contributionId', 'receiptCode', 'whatHappensNext']);
    expect(entered.receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}-[0-9A-Z]{2}$/);
    // The worker cannot read the words back from the answer.
    expect(response.text).not.toContain(text);

    const [submitted, ...rest] = await streamOf(entered.contributionId);
    expect(rest).toEqual([]);
    expect(submitted!.type).toBe('ContributionSubmitted');
    expect(submitted!.data).toMatchObject({
      text,
      channel: 'cicc-session',
      submittedBy: officer.userId,
      target: { kind: 'call', callId },
      // Nobody chose for the young person: the most private choice.
      sharing: 'summary-only',
      late: false,
      ageBand: '12-15',
    });
    expect(submitted!.metadata.actor).toEqual({ id: officer.userId, role: 'officer' });
    const pseudonym = (submitted!.data as { authorPseudonym: string }).authorPseudonym;
    expect(submitted!.metadata.onBehalfOf).toEqual({ id: pseudonym, role: 'young-person' });
    expect(pseudonym).not.toBe(officer.userId);
    expect((submitted!.data as { receiptCodeHash: string }).receiptCodeHash).not.toContain(entered.receiptCode);

    await caughtUp();
    const check = await t.request('POST', '/api/public/views/check', { body: { receiptCode: entered.receiptCode } });
    expect(check.status).toBe(200);
    expect(check.json()).toMatchObject({ sharing: 'summary-only' });
    // Neither the words nor the code reach the logs.
    expect(t.logs()).not.toContain(text);
    expect(t.logs()).not.toContain(entered.receiptCode);
  });

  it('takes every offline channel and the young person’s own sharing choice; the moderator may enter views too', async () => {
    for (const channel of ['survey', 'advocate', 'worker'] as const) {
      const response = await enter({ text: `Via ${channel} ${randomUUID()}`, channel, sharing: 'verbatim' });
      expect(response.status).toBe(201);
      const [submitted] = await streamOf(response.json<Entered>().contributionId);
      expect(submitted!.data).toMatchObject({ channel, sharing: 'verbatim' });
    }
    const moderator = await callers.me('moderator');
    const byModerator = await enter(
      { text: 'Agenda item view.', target: { kind: 'agenda-item', meetingId, itemId: DECISION_ITEM } },
      'moderator',
    );
    expect(byModerator.status).toBe(201);
    const [submitted] = await streamOf(byModerator.json<Entered>().contributionId);
    expect(submitted!.data).toMatchObject({
      submittedBy: moderator.userId,
      target: { kind: 'agenda-item', meetingId, itemId: DECISION_ITEM },
    });
  });

  it('screens the words as the public route does: a disclosure is withheld at once, and the answer looks the same', async () => {
    const response = await enter({ text: 'Some nights I want to end it all.', channel: 'worker' });
    expect(response.status).toBe(201);
    expect(Object.keys(response.json()).sort()).toEqual(['contributionId', 'receiptCode', 'whatHappensNext']);
    const types = (await streamOf(response.json<Entered>().contributionId)).map((e) => e.type);
    expect(types).toEqual(['ContributionSubmitted', 'ContributionEscalatedForSafeguarding']);
    await caughtUp();
    const queue = await t.request('GET', '/api/moderation/queue', { token: await callers.token('moderator') });
    expect(queue.json<Array<{ contributionId: string }>>().map((v) => v.contributionId)).not.toContain(
      response.json<Entered>().contributionId,
    );
  });

  it("screens with the board's own rules too, as the public route does", async () => {
    const token = await callers.token('admin');
    const rules = [{ category: 'exploitation', phrases: ['the flat on dunmore street'], patterns: [] }];
    const put = await t.request('PUT', '/api/staff/voice-settings/screening-rules', { token, body: { rules } });
    expect(put.status).toBe(200);
    const local = await enter({ text: 'They take us to the flat on Dunmore Street after school.' });
    expect(local.status).toBe(201);
    const types = (await streamOf(local.json<Entered>().contributionId)).map((e) => e.type);
    expect(types).toEqual(['ContributionSubmitted', 'ContributionEscalatedForSafeguarding']);
    const near = await enter({ text: 'Dunmore Street needs a better bus stop.' });
    expect((await streamOf(near.json<Entered>().contributionId)).map((e) => e.type)).toEqual(['ContributionSubmitted']);
  });

  it('a view entered after the call closed is accepted and marked late', async () => {
    const closing = await callers.post('clerk', '/api/calls-for-views', {
      question: 'Anything else?',
      closesOn: '2026-03-31',
    });
    const lateCall = closing.json<{ id: string }>().id;
    expect((await callers.post('chair', `/api/calls-for-views/${lateCall}/close`, {})).status).toBe(200);
    t.clock.advance(60_000);
    const response = await enter({ text: 'Late from the session.', target: { kind: 'call', callId: lateCall } });
    expect(response.status).toBe(201);
    const [submitted] = await streamOf(response.json<Entered>().contributionId);
    expect(submitted!.data).toMatchObject({ late: true, target: { kind: 'call', callId: lateCall } });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await head(t);
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ text: 'From the body.', submittedBy: 'someone-else' }, ['submittedBy']],
      [{ text: 'Online?', channel: 'online' }, ['channel']],
      [{ text: 'No channel.', channel: undefined }, ['channel']],
      [{ text: '' }, ['text']],
      [{ text: 'x'.repeat(5001) }, ['text']],
      [{ text: 'Shared?', sharing: 'everyone' }, ['sharing']],
      [{ text: 'Age?', ageBand: '30-40' }, ['ageBand']],
      [{ text: 'Target?', target: { kind: 'galaxy' } }, ['target']],
      [{ text: 'Item?', target: { kind: 'agenda-item', meetingId } }, ['target']],
    ];
    for (const [body, fields] of cases) {
      const response = await enter(body);
      expect({ body: JSON.stringify(body).slice(0, 80), status: response.status, fields: fieldsOf(response) }).toEqual({
        body: JSON.stringify(body).slice(0, 80),
        status: 400,
        fields,
      });
    }
    expect(await head(t)).toBe(before);
  });

  it('is for officers and the moderator: the board’s clerk, chair, members, admin and others are 403; no token 401', async () => {
    const before = await head(t);
    for (const who of ['clerk', 'chair', 'member', 'admin', 'auditor', 'safeguarding-lead'] as const) {
      const response = await enter({ text: `From ${who}.` }, who);
      expect({ who, status: response.status }).toEqual({ who, status: 403 });
    }
    // No token at all (enter()'s default caller would stand in for an undefined one).
    const anonymous = await callers.post(undefined, '/api/staff/views', { text: 'Anonymous.', channel: 'advocate' });
    expect(anonymous.status).toBe(401);
    expect(await head(t)).toBe(before);
  });

  it("another board's call, meeting or item is 404 and writes nothing; an unknown call is 404", async () => {
    const before = await head(t);
    const targets = [
      { kind: 'call', callId: otherCallId },
      { kind: 'call', callId: randomUUID() },
      { kind: 'meeting', meetingId: otherMeetingId },
      { kind: 'agenda-item', meetingId: otherMeetingId, itemId: DECISION_ITEM },
      { kind: 'agenda-item', meetingId, itemId: 'no-such-item' },
    ];
    for (const target of targets) {
      const response = await enter({ text: 'Where does this go?', target });
      expect({ target, status: response.status }).toEqual({ target, status: 404 });
    }
    // Their officer cannot answer our call either.
    expect((await enter({ text: 'Cross-board.', target: { kind: 'call', callId } }, 'other-officer')).status).toBe(404);
    expect(await head(t)).toBe(before);
  });

  it('a retried request (same Idempotency-Key) writes once and hands back the same working code', async () => {
    const headers = { 'Idempotency-Key': `on-behalf-${randomUUID()}` };
    const text = `Retried ${randomUUID()}`;
    const first = await enter({ text }, 'officer', headers);
    expect(first.status).toBe(201);
    const afterFirst = await head(t);
    const again = await enter({ text }, 'officer', headers);
    expect(again.status).toBe(201);
    expect(again.json<Entered>()).toEqual(first.json<Entered>());
    expect(await head(t)).toBe(afterFirst);
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    const check = await t.request('POST', '/api/public/views/check', {
      body: { receiptCode: first.json<Entered>().receiptCode },
    });
    expect(check.status).toBe(200);
  });

  it("board-facing responses carry neither the young person's identity nor who entered their view", async () => {
    const officer = await callers.me('officer');
    const text = `For the board's list ${randomUUID()}`;
    const entered = (
      await enter({ text, target: { kind: 'call', callId }, careStatus: 'care-leaver' })
    ).json<Entered>();
    const [submitted] = await streamOf(entered.contributionId);
    const pseudonym = (submitted!.data as { authorPseudonym: string }).authorPseudonym;
    await caughtUp();
    for (const who of ['member', 'chair', 'clerk'] as const) {
      const token = await callers.token(who);
      for (const path of ['/api/calls-for-views', '/api/board/withheld-views-count']) {
        const response = await t.request('GET', path, { token });
        expect(response.status).toBe(200);
        for (const secret of [text, pseudonym, officer.userId, entered.receiptCode, 'care-leaver']) {
          expect(response.text).not.toContain(secret);
        }
      }
    }
    const calls = await t.request('GET', '/api/calls-for-views', { token: await callers.token('member') });
    expect(calls.json<Array<{ callId: string; views: number }>>().find((c) => c.callId === callId)!.views).toBe(2);
    const open = await t.request('GET', '/api/public/boards/northshire/calls');
    for (const secret of [text, pseudonym, officer.userId]) expect(open.text).not.toContain(secret);
  });
});

import { randomUUID } from 'node:crypto';
import { EVENT_STORE, handleCommand, ProjectionRunner, type CommandContext, type EventStore } from '#event-store';
import { IdentityService } from '#identity';
import {
  callForViewsDecider,
  callForViewsStream,
  contributionDecider,
  contributionStream,
  type CallForViewsCommand,
  type ContributionCommand,
} from '../../libs/voice/src/domain/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A view's whole journey as its author sees it, with the staff steps driven straight through the
// deciders (the staff routes are another module's): question, answer, acceptance, the meeting, the
// board's answer, and erasure, after which the code finds nothing. Views answering a call for views.

describe("a view's journey, seen by its author", () => {
  let t: TestApp;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const identity = t.app.get(IdentityService);
    tenantId = (await identity.tenantBySlug('northshire'))!.id;
    otherTenantId = (await identity.createTenant('southmoor', 'Southmoor Corporate Parenting Board')).id;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const store = () => t.app.get(EVENT_STORE) as EventStore;
  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

  function staff(tenant = tenantId): CommandContext {
    const commandId = randomUUID();
    return {
      tenantId: tenant,
      actor: { id: 'staff-moderator', role: 'moderator' },
      commandId,
      correlationId: commandId,
      now: t.clock.now().toISOString(),
    };
  }

  async function moderate(contributionId: string, command: ContributionCommand): Promise<void> {
    await handleCommand(store(), contributionDecider, contributionStream(contributionId), command, staff());
  }

  async function give(text: string, extra: Record<string, unknown> = {}) {
    const response = await t.request('POST', '/api/public/boards/northshire/views', { body: { text, ...extra } });
    return response;
  }

  async function idOf(text: string): Promise<string> {
    const all = await store().readAll({ filter: { eventTypes: ['ContributionSubmitted'] } });
    const found = all.find((e) => (e.data as { text: string }).text === text);
    if (!found) throw new Error('view not found in the store');
    return (found.data as { contributionId: string }).contributionId;
  }

  async function check(receiptCode: string) {
    await caughtUp();
    const response = await t.request('POST', '/api/public/views/check', { body: { receiptCode } });
    return { status: response.status, view: response.json<Record<string, unknown>>() };
  }

  it('question, answer, acceptance, the meeting and the answer, step by step; erasure then finds nothing', async () => {
    const text = 'We want a say in who our social worker is.';
    const given = await give(text);
    expect(given.status).toBe(201);
    const code = given.json<{ receiptCode: string }>().receiptCode;
    const id = await idOf(text);
    const at = () => t.clock.now().toISOString();

    t.clock.advance(60_000);
    await moderate(id, {
      type: 'ModerateContribution',
      data: {
        contributionId: id,
        moderation: { outcome: 'ask-question', question: 'Which part matters most?' },
        at: at(),
      },
    });
    let { view } = await check(code);
    expect(view.status).toBe('question-asked');
    expect(view.question).toBe('Which part matters most?');

    const answered = await t.request('POST', '/api/public/views/answer', {
      body: { text: 'Meeting them first.' },
      headers: { 'x-receipt-code': code },
    });
    expect(answered.status).toBe(200);
    ({ view } = await check(code));
    expect(view.status).toBe('answered');
    expect(view.question).toBeUndefined();

    await moderate(id, {
      type: 'ModerateContribution',
      // Shared "summary only" (the default): the board reads the moderator's summary.
      data: {
        contributionId: id,
        moderation: { outcome: 'accept', summary: 'They want a say in who their social worker is.' },
        at: at(),
      },
    });
    await moderate(id, {
      type: 'TableContribution',
      data: { contributionId: id, meetingId: 'm1', itemId: 'i1', at: at() },
    });
    await moderate(id, {
      type: 'MarkConsidered',
      data: { contributionId: id, meetingId: 'm1', itemId: 'i1', at: at() },
    });
    await moderate(id, {
      type: 'RecordFeedback',
      data: {
        contributionId: id,
        feedbackId: 'f1',
        text: 'You will meet your new worker first.',
        decisionIds: [],
        actionIds: [],
        at: at(),
      },
    });
    ({ view } = await check(code));
    expect(view.status).toBe('feedback');
    expect(view.feedback).toBe('You will meet your new worker first.');
    expect((view.journey as Array<{ step: string }>).map((s) => s.step)).toEqual([
      'submitted',
      'question-asked',
      'answered',
      'accepted',
      'tabled',
      'considered',
      'feedback',
    ]);

    await moderate(id, {
      type: 'EraseContribution',
      data: {
        contributionId: id,
        erasedBy: 'staff-dpo',
        ground: 'consent-withdrawn',
        reason: 'Request by the author',
        at: at(),
      },
    });
    expect((await check(code)).status).toBe(404);
  });

  it('an answer that discloses harm is escalated; its author is told nothing the screen decided', async () => {
    const text = 'Contact visits are too short.';
    const code = (await give(text)).json<{ receiptCode: string }>().receiptCode;
    const id = await idOf(text);
    await moderate(id, {
      type: 'ModerateContribution',
      data: {
        contributionId: id,
        moderation: { outcome: 'ask-question', question: 'How short?' },
        at: t.clock.now().toISOString(),
      },
    });
    await caughtUp();
    const answered = await t.request('POST', '/api/public/views/answer', {
      body: { receiptCode: code, text: 'An hour, and I want to end it all.' },
    });
    expect(answered.status).toBe(200);
    const types = (await store().readStream(contributionStream(id))).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['ContributionQuestionAnswered', 'ContributionEscalatedForSafeguarding']);
    // Thanked for the answer like any author; "a worker has read it" only once a person has (the
    // safeguarding lead's acknowledgement: young-people.e2e-spec.ts), and never a promise of contact.
    const { view } = await check(code);
    expect(view.status).toBe('answered');
    expect((view.journey as Array<{ step: string }>).map((s) => s.step)).toEqual([
      'submitted',
      'question-asked',
      'answered',
    ]);
    expect(JSON.stringify(view)).not.toMatch(/escalat|safeguard|in touch|has been read/i);
  });

  it("a view may answer this board's open call; another board's call or an unknown one is 404", async () => {
    const ours = randomUUID();
    const theirs = randomUUID();
    const open = (callId: string): CallForViewsCommand => ({
      type: 'OpenCallForViews',
      data: {
        callId,
        question: 'What makes a good placement?',
        closesOn: '2026-12-31',
        themes: [],
        at: t.clock.now().toISOString(),
      },
    });
    await handleCommand(store(), callForViewsDecider, callForViewsStream(ours), open(ours), staff());
    await handleCommand(store(), callForViewsDecider, callForViewsStream(theirs), open(theirs), staff(otherTenantId));

    const text = 'A good placement listens.';
    expect((await give(text, { target: { kind: 'call', callId: ours } })).status).toBe(201);
    const submitted = (await store().readStream(contributionStream(await idOf(text))))[0]!;
    expect(submitted.data).toMatchObject({ target: { kind: 'call', callId: ours }, late: false });

    expect((await give('Other board.', { target: { kind: 'call', callId: theirs } })).status).toBe(404);
    expect((await give('No call.', { target: { kind: 'call', callId: randomUUID() } })).status).toBe(404);
    expect((await give('Bad target.', { target: { kind: 'galaxy' } })).status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessLog } from '#identity';
import { StaffUserEntity } from '../../libs/identity/src/commands/staff-user.entity.js';
import { ServerPepper } from '#platform';
import { Callers, citing, decisionBody, fieldsOf, store, type Who } from '../board/decisions-support.js';
import { DECISION_ITEM, MeetingFixture } from '../board/support/meeting-fixture.js';
import type { HttpResponse, TestApp } from '../support/test-app.js';
import { startTestApp } from '../support/test-app.js';
import { ViewFixture } from '../voice/staff-support.js';

// A small board story, told once, then read back by the audit:
// a meeting; views given and moderated; three tabled (one later escalated for safeguarding); a decision
// citing two; a fourth view tabled after the decision; one cited view withdrawn afterwards; the decision
// amended at a later meeting.

interface Entry {
  position: string;
  revision: string;
  type: string;
  recordedAt: string;
  at: string | null;
  actor: { id: string | null; role: string; name: string | null };
  onBehalfOf: unknown;
  commandId: string;
  correlationId: string;
  causationId: string;
  data: Record<string, unknown>;
}

interface History {
  withheld?: boolean;
  notice?: string;
  events: Entry[];
  citations?: Array<{ decisionId: string; influence: string }>;
}

interface KnownView {
  contributionId: string;
  availableThen: boolean;
  statusThen: string;
  laterWithdrawn: boolean;
  tabledHere: boolean;
  themes: string[];
  cited: { influence: string } | null;
}

interface DecisionThen {
  decision: { status: string; amendments: Array<{ byDecisionId: string }>; content: { resolution: string } };
  asOf: { position: string; events: number };
  boardKnew: {
    counts: { tabled: number; available: number; cited: number; withheld: number };
    views: KnownView[];
  };
}

interface MeetingThen {
  meeting: { status: string };
  views: Array<{ itemId: string; views: Array<{ contributionId: string }> }>;
  withheldViews: number;
}

const WORDS = {
  a: 'Keep me at my school when I move.',
  b: 'Tell me before my placement changes.',
  c: 'I want to see my own file.',
  s: 'Something is happening at home.',
};

describe('audit: history and time travel, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  let chair: { userId: string; tenantId: string };
  let meetingId: string;
  const ids = { a: '', b: '', c: '', s: '' };
  let decisionId: string;
  let laterDecisionId: string;
  const correlation = { record: `corr-${randomUUID()}`, amend: `corr-${randomUUID()}` };
  const commandIds = { record: `cmd-${randomUUID()}` };
  const times: Record<string, string> = {};

  const tick = () => t.clock.advance(60_000);
  const now = () => t.clock.now().toISOString();
  const get = async (who: Who | undefined, path: string): Promise<HttpResponse> =>
    t.request('GET', path, { token: who === undefined ? undefined : await callers.token(who) });

  async function accepted(text: string): Promise<string> {
    const id = await views.submit(tenantId, text);
    tick();
    // Shared "summary only" (the default): accepted with the summary the board reads.
    const summary = { summary: `In short: ${text}` };
    expect((await callers.post('moderator', `/api/moderation/views/${id}/accept`, summary)).status).toBe(200);
    return id;
  }

  async function table(...contributionIds: string[]): Promise<void> {
    tick();
    const path = `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/views`;
    expect((await callers.post('clerk', path, { contributionIds })).status).toBe(201);
  }

  beforeAll(async () => {
    // Signs in as many roles from one address: more than the real 10 sign-ins a minute.
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);
    chair = await callers.me('chair');
    tenantId = chair.tenantId;
    const meetings = await MeetingFixture.forTenant(t, tenantId, chair.userId);
    meetingId = await meetings.inProgress();
    const laterMeetingId = await meetings.inProgress({ startsAt: '2026-06-16T17:30:00+01:00' });

    ids.a = await accepted(WORDS.a);
    ids.b = await accepted(WORDS.b);
    ids.s = await accepted(WORDS.s);
    await table(ids.a, ids.b, ids.s);
    tick();
    const escalated = await callers.post('moderator', `/api/moderation/views/${ids.s}/escalate`, {
      reason: 'A disclosure.',
    });
    expect(escalated.status).toBe(200);
    ids.c = await accepted(WORDS.c);
    await views.caughtUp(); // the board asks the voice read model whether the cited views may be cited

    tick();
    times.beforeDecision = now();
    tick();
    const recorded = await callers.post(
      'chair',
      `/api/meetings/${meetingId}/agenda-items/${DECISION_ITEM}/decisions`,
      decisionBody({ voiceEvidence: citing([ids.a, 'shaped'], [ids.b, 'informed']) }),
      { 'Idempotency-Key': commandIds.record, 'X-Correlation-Id': correlation.record },
    );
    expect(recorded.status).toBe(201);
    decisionId = recorded.json<{ decisionId: string }>().decisionId;
    tick();
    times.afterDecision = now();

    tick();
    await table(ids.c);
    tick();
    times.afterTablingC = now();
    tick();
    await views.withdraw(tenantId, ids.b);

    tick();
    times.beforeAmendment = now();
    tick();
    const amended = await callers.post(
      'chair',
      `/api/decisions/${decisionId}/amend`,
      {
        ...decisionBody({ resolution: 'Every child moving placement keeps their school and their GP.' }),
        meetingId: laterMeetingId,
        itemId: DECISION_ITEM,
        reason: 'Young people asked for their GP too.',
        changes: 'Adds the GP.',
      },
      { 'X-Correlation-Id': correlation.amend },
    );
    expect(amended.status).toBe(201);
    laterDecisionId = amended.json<{ decisionId: string }>().decisionId;
    await views.caughtUp();
  }, 60_000); // one story of some thirty writes, on a machine shared with other test runs
  afterAll(async () => t.close());

  it('lists every event of a decision in order, with actor, command, correlation and causation', async () => {
    const response = await get('auditor', `/api/audit/decisions/${decisionId}/history`);
    expect(response.status).toBe(200);
    const { events } = response.json<History>();
    const stored = await store(t).readStream(`decision-${decisionId}`);
    const chairName = (await t.app.get(DataSource).getRepository(StaffUserEntity).findOneByOrFail({ id: chair.userId }))
      .displayName;
    expect(events.map((e) => [e.type, e.revision])).toEqual([
      ['DecisionRecorded', '0'],
      ['DecisionAmended', '1'],
    ]);
    expect(events.map((e) => e.position)).toEqual(stored.map((e) => e.position));
    expect(events[0]).toMatchObject({
      actor: { id: chair.userId, role: 'chair', name: chairName },
      onBehalfOf: null,
      commandId: stored[0]!.metadata.commandId,
      correlationId: correlation.record,
      causationId: stored[0]!.metadata.causationId,
      recordedAt: stored[0]!.metadata.recordedAt,
      at: (stored[0]!.data as { at: string }).at,
      data: { resolution: decisionBody().resolution, meetingId, itemId: DECISION_ITEM },
    });
    // The command id is the product's keyed hash of the Idempotency-Key, never the key itself.
    const keyed = `key-${t.app.get(ServerPepper).text('command-id', tenantId, commandIds.record)}`;
    expect(stored[0]!.metadata.commandId).toContain(keyed);
    expect(stored[0]!.metadata.commandId).not.toContain(commandIds.record);
    // The amendment is noted by the later decision's command: one correlation across both streams.
    expect(events[1]).toMatchObject({ correlationId: correlation.amend, data: { byDecisionId: laterDecisionId } });
    const later = (await get('auditor', `/api/audit/decisions/${laterDecisionId}/history`)).json<History>();
    expect(later.events[0]!.correlationId).toBe(correlation.amend);
    expect(events[0]!.position < events[1]!.position).toBe(true);
  });

  it('lists a meeting’s events, for the clerk too', async () => {
    const response = await get('clerk', `/api/audit/meetings/${meetingId}/history`);
    expect(response.status).toBe(200);
    const types = response.json<History>().events.map((e) => e.type);
    expect(types[0]).toBe('MeetingScheduled');
    expect(types).toEqual(expect.arrayContaining(['AgendaItemAdded', 'AgendaPublished', 'MeetingOpened']));
    expect(types).toEqual((await store(t).readStream(`meeting-${meetingId}`)).map((e) => e.type));
  });

  it('shows a view’s life and citations without its words or its author’s pseudonym', async () => {
    const response = await get('auditor', `/api/audit/views/${ids.b}/history`);
    expect(response.status).toBe(200);
    const history = response.json<History>();
    expect(history.events.map((e) => e.type)).toEqual([
      'ContributionSubmitted',
      'ContributionAccepted',
      'ContributionSummarised',
      'ContributionTabled',
      'ContributionWithdrawn',
    ]);
    expect(history.events[0]!.actor).toEqual({ id: null, role: 'young-person', name: 'the young person' });
    expect(history.events[4]!.actor.role).toBe('young-person');
    expect(history.events[1]!.actor).toMatchObject({ role: 'moderator', name: expect.any(String) });
    // That a summary was written (its version), never what it says.
    expect(history.events[2]!.data).toEqual({ version: 1 });
    expect(history.events[3]!.data).toEqual({ status: 'tabled', meetingId, itemId: DECISION_ITEM });
    expect(history.citations).toEqual([expect.objectContaining({ decisionId, influence: 'informed' })]);
    expect(response.text).not.toContain(WORDS.b);
    expect(response.text).not.toContain('In short');
    expect(response.text).not.toContain(`yp-${ids.b}`);
    expect(response.text).not.toContain(`hash-${ids.b}`);
  });

  it('answers only "withheld" for a view withheld for safeguarding', async () => {
    const response = await get('auditor', `/api/audit/views/${ids.s}/history`);
    expect(response.status).toBe(200);
    expect(response.json<History>()).toEqual({
      kind: 'view',
      id: ids.s,
      withheld: true,
      notice: expect.stringContaining('withheld'),
      events: [],
    });
    expect(response.text).not.toContain(WORDS.s);
  });

  it('shows the decision as it stood before the amendment, and as it stands now', async () => {
    const before = await get('auditor', `/api/audit/decisions/${decisionId}?asAt=${times.beforeAmendment}`);
    expect(before.status).toBe(200);
    const old = before.json<DecisionThen>();
    expect(old.decision).toMatchObject({ status: 'recorded', amendments: [] });
    expect(old.decision.content.resolution).toBe(decisionBody().resolution);
    expect(old.asOf.events).toBe(1);

    const current = (await get('auditor', `/api/audit/decisions/${decisionId}`)).json<DecisionThen>();
    expect(current.decision.amendments).toEqual([expect.objectContaining({ byDecisionId: laterDecisionId })]);

    // The same moment in another offset, its '+' unencoded as people type it.
    const offset = times.beforeAmendment!.replace('Z', '+00:00');
    const inOffset = await get('auditor', `/api/audit/decisions/${decisionId}?asAt=${offset}`);
    expect(inOffset.status).toBe(200);
    expect(inOffset.json<DecisionThen>().decision).toEqual(old.decision);

    // The same moment named by its log position.
    const byPosition = await get('chair', `/api/audit/decisions/${decisionId}?position=${old.asOf.position}`);
    expect(byPosition.status).toBe(200);
    expect(byPosition.json<DecisionThen>().decision).toEqual(old.decision);

    expect((await get('auditor', `/api/audit/decisions/${decisionId}?asAt=${times.beforeDecision}`)).status).toBe(404);
  });

  it('tells what the board knew when it decided: the later-withdrawn view as then available, no withheld view, nothing tabled afterwards', async () => {
    const response = await get('auditor', `/api/audit/decisions/${decisionId}?asAt=${times.beforeAmendment}`);
    const { boardKnew } = response.json<DecisionThen>();
    expect(boardKnew.counts).toEqual({ tabled: 2, available: 2, cited: 2, withheld: 1 });
    const byId = new Map(boardKnew.views.map((v) => [v.contributionId, v]));
    expect([...byId.keys()].sort()).toEqual([ids.a, ids.b].sort());
    // Each by its short reference (its place in the order views arrived on this board), as staff read it.
    expect(byId.get(ids.a)).toMatchObject({
      reference: 'V-0001',
      availableThen: true,
      statusThen: 'available',
      laterWithdrawn: false,
      tabledHere: true,
      themes: ['placement-stability'],
      cited: { influence: 'shaped' },
    });
    expect(byId.get(ids.b)).toMatchObject({
      reference: 'V-0002',
      availableThen: true,
      laterWithdrawn: true,
      cited: { influence: 'informed' },
    });
    for (const words of Object.values(WORDS)) expect(response.text).not.toContain(words);
    expect(response.text).not.toContain(ids.s);
    expect(response.text).not.toContain(ids.c);
  });

  it('shows a meeting as it stood: the view tabled later is absent before its tabling, present after', async () => {
    const at = (asAt: string) => get('auditor', `/api/audit/meetings/${meetingId}?asAt=${asAt}`);
    const itemViews = (then: MeetingThen) =>
      then.views.find((i) => i.itemId === DECISION_ITEM)!.views.map((v) => v.contributionId);

    const before = (await at(times.afterDecision)).json<MeetingThen>();
    expect(itemViews(before).sort()).toEqual([ids.a, ids.b].sort());
    expect(before.withheldViews).toBe(1);
    const after = (await at(times.afterTablingC)).json<MeetingThen>();
    expect(itemViews(after).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    const tabledC = after.views.flatMap((i) => i.views).find((v) => v.contributionId === ids.c);
    expect(tabledC).toMatchObject({ reference: 'V-0004' });
    expect(after.meeting.status).toBe('in-progress');

    const history = (await get('auditor', `/api/audit/meetings/${meetingId}/history`)).json<History>();
    const published = history.events.find((e) => e.type === 'AgendaPublished')!;
    const then = (
      await get('auditor', `/api/audit/meetings/${meetingId}?position=${published.position}`)
    ).json<MeetingThen>();
    expect(then.meeting.status).toBe('agenda-published');
  });

  it('refuses a bad moment with the field named', async () => {
    for (const [query, field] of [
      ['asAt=yesterday', 'asAt'],
      ['asAt=2026-03-02', 'asAt'],
      ['position=12', 'position'],
      [`asAt=${times.afterDecision}&position=${'0'.repeat(20)}`, 'position'],
    ] as const) {
      const response = await get('auditor', `/api/audit/decisions/${decisionId}?${query}`);
      expect({ query, status: response.status, fields: fieldsOf(response) }).toEqual({
        query,
        status: 400,
        fields: [field],
      });
    }
  });

  it('is for auditors and admins (chair and clerk for board records); another board’s records are 404', async () => {
    const expectations: Array<[Who | undefined, string, number]> = [
      [undefined, `/api/audit/decisions/${decisionId}/history`, 401],
      ['member', `/api/audit/decisions/${decisionId}/history`, 403],
      ['officer', `/api/audit/decisions/${decisionId}`, 403],
      ['moderator', `/api/audit/meetings/${meetingId}`, 403],
      ['chair', `/api/audit/views/${ids.a}/history`, 403],
      ['clerk', `/api/audit/views/${ids.a}/history`, 403],
      ['safeguarding-lead', `/api/audit/views/${ids.a}/history`, 403],
      ['admin', `/api/audit/views/${ids.a}/history`, 200],
      ['admin', `/api/audit/decisions/${decisionId}`, 200],
      ['other-chair', `/api/audit/decisions/${decisionId}/history`, 404],
      ['other-chair', `/api/audit/decisions/${decisionId}`, 404],
      ['other-clerk', `/api/audit/meetings/${meetingId}/history`, 404],
      ['auditor', `/api/audit/decisions/${randomUUID()}/history`, 404],
      ['auditor', `/api/audit/views/${randomUUID()}/history`, 404],
    ];
    const results = [];
    for (const [who, path] of expectations) results.push((await get(who, path)).status);
    expect(results).toEqual(expectations.map(([, , status]) => status));
  });

  it('documents every audit route and its answer in OpenAPI', async () => {
    const document = (await t.request('GET', '/api/docs/openapi.json')).json<{
      paths: Record<string, { get?: { responses?: Record<string, { content?: unknown }> } }>;
      components: { schemas: Record<string, unknown> };
    }>();
    for (const path of [
      '/api/audit/decisions/{id}/history',
      '/api/audit/meetings/{id}/history',
      '/api/audit/views/{id}/history',
      '/api/audit/decisions/{id}',
      '/api/audit/meetings/{id}',
    ]) {
      expect({ path, documented: document.paths[path]?.get?.responses?.['200']?.content !== undefined }).toEqual({
        path,
        documented: true,
      });
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['HistoryResponse', 'DecisionThenResponse', 'BoardKnewResponse', 'MeetingThenResponse']),
    );
  });

  it('records every audit read in the access log', async () => {
    const auditor = await callers.me('auditor');
    await get('auditor', `/api/audit/views/${ids.a}/history`);
    await get('auditor', `/api/audit/decisions/${decisionId}?asAt=${times.afterDecision}`);
    const entries = (await t.app.get(AccessLog).forTenant(tenantId, 1000)).filter((e) => e.userId === auditor.userId);
    const seen = entries.map((e) => `${e.action} ${e.subjectType} ${e.subjectId}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `audit-history contribution ${ids.a}`,
        `audit-history contribution ${ids.s}`,
        `audit-history decision ${decisionId}`,
        `audit-time-travel decision ${decisionId}`,
        `audit-time-travel meeting ${meetingId}`,
      ]),
    );
    expect(entries.every((e) => e.role === 'auditor')).toBe(true);
  });
});

import { OverdueCaseSweeper } from '../../libs/voice/src/commands/run-safeguarding-case/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import { safeguardingCaseStream } from '../../libs/voice/src/domain/index.js';
import { EVENT_STORE, isSealed, type ProtectedEventStore } from '#event-store';
import { Callers, codeOf, eventTypes, head } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

interface WithheldView {
  contributionId: string;
  status: string;
  raisedBy: string;
  text: string | null;
  case: { caseId: string; status: string; namedLead: string; overdue: boolean; acknowledgedBy: string | null } | null;
}

describe('staff voice: safeguarding queue and cases, through HTTP', () => {
  let t: TestApp;
  let callers: Callers;
  let views: ViewFixture;
  let tenantId: string;
  let leadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    callers = new Callers(t);
    await callers.createOtherBoard();
    views = new ViewFixture(t);
    tenantId = (await callers.me('chair')).tenantId;
    leadId = (await callers.me('safeguarding-lead')).userId;
  });
  afterAll(async () => t.close());

  const settled = async () => {
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await views.caughtUp();
  };
  const queue = async (who: 'safeguarding-lead' | 'moderator' | 'chair' | 'admin' = 'safeguarding-lead') =>
    t.request('GET', '/api/safeguarding/queue', { token: await callers.token(who) });
  const withheld = async () => (await queue()).json<WithheldView[]>();

  it('opens a case for a view the screen escalated and one a moderator escalated; only the lead sees them', async () => {
    const screened = await views.submit(tenantId, 'Someone at home hurts me.', { flagged: true });
    // Listed oldest first.
    t.clock.advance(60_000);
    const raised = await views.submit(tenantId, 'I do not feel safe at night.');
    const accepted = await views.submit(tenantId, 'More youth clubs please.');
    await callers.post('moderator', `/api/moderation/views/${raised}/escalate`, { reason: 'Sounds unsafe' });
    await callers.post('moderator', `/api/moderation/views/${accepted}/accept`, {});
    await settled();

    for (const who of ['moderator', 'chair', 'admin'] as const) expect((await queue(who)).status).toBe(403);

    const listed = await withheld();
    expect(listed.map((v) => v.contributionId)).toEqual([screened, raised]);
    expect(listed[0]).toMatchObject({
      status: 'escalated',
      raisedBy: 'screen',
      text: 'Someone at home hurts me.',
      case: { caseId: `case-${screened}`, status: 'open', namedLead: leadId, overdue: false, acknowledgedBy: null },
    });
    expect(listed[1]).toMatchObject({ raisedBy: 'moderator', case: { caseId: `case-${raised}` } });
    expect(await eventTypes(t, safeguardingCaseStream(`case-${screened}`))).toEqual(['SafeguardingCaseOpened']);
    // The lead's read of the words is on the record; the moderator's queue never had them.
    expect(await views.textReadsBy(tenantId, leadId)).toEqual(expect.arrayContaining([screened, raised]));
    const moderatorReads = await views.textReadsBy(tenantId, (await callers.me('moderator')).userId);
    expect(moderatorReads).not.toContain(screened);
  });

  it('acknowledges, then records an outcome; shows a case overdue once its deadline passes', async () => {
    const id = await views.submit(tenantId, 'My carer locks me out.', { flagged: true });
    await settled();
    const caseId = `case-${id}`;
    const before = await head(t);
    const early = await callers.post('safeguarding-lead', `/api/safeguarding/cases/${caseId}/outcome`, {
      outcome: 'advice-given',
      reason: 'Spoke to the social worker',
    });
    expect({ status: early.status, code: codeOf(early) }).toEqual({ status: 422, code: 'case-not-acknowledged' });
    expect(await head(t)).toBe(before);

    // Not yet due: the deadline sweep leaves it with the named lead.
    const sweeper = t.app.get(OverdueCaseSweeper);
    await sweeper.sweep();
    expect(await eventTypes(t, safeguardingCaseStream(caseId))).toEqual(['SafeguardingCaseOpened']);

    t.clock.advance(5 * 60 * 60_000);
    await settled();
    expect((await withheld()).find((v) => v.contributionId === id)!.case).toMatchObject({ overdue: true });
    // Past due and unacknowledged: escalated to the deputy, once, however often the sweep runs.
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    await sweeper.sweep();
    expect(await eventTypes(t, safeguardingCaseStream(caseId))).toEqual([
      'SafeguardingCaseOpened',
      'CaseEscalatedToDeputy',
    ]);
    await settled();
    expect((await withheld()).find((v) => v.contributionId === id)!.case).toMatchObject({
      escalatedToDeputyAt: t.clock.now().toISOString(),
      overdue: true,
    });

    const ack = await callers.post('safeguarding-lead', `/api/safeguarding/cases/${caseId}/acknowledge`, {});
    expect(ack.status).toBe(200);
    expect(ack.json()).toMatchObject({ events: ['CaseAcknowledged'] });
    const done = await callers.post('safeguarding-lead', `/api/safeguarding/cases/${caseId}/outcome`, {
      outcome: 'referred-to-front-door',
      reason: 'Referred the same day',
    });
    expect(done.json()).toMatchObject({ events: ['CaseOutcomeRecorded'] });
    // The reason may describe the child's situation: stored sealed, under the case's own key.
    const store = t.app.get<ProtectedEventStore>(EVENT_STORE);
    const stored = (await store.raw.readStream(safeguardingCaseStream(caseId))).at(-1)!;
    expect(isSealed((stored.data as { reason: unknown }).reason)).toBe(true);
    expect(JSON.stringify(stored.data)).not.toContain('Referred the same day');
    await settled();
    expect((await withheld()).find((v) => v.contributionId === id)!.case).toMatchObject({
      status: 'closed',
      acknowledgedBy: leadId,
      overdue: false,
    });
    const bad = await callers.post('safeguarding-lead', `/api/safeguarding/cases/${caseId}/outcome`, {
      outcome: 'shrug',
      reason: 'x',
    });
    expect(bad.status).toBe(400);
  });

  it('keeps a withdrawn escalated view for the lead; the board sees only the count; other tenants 404', async () => {
    const id = await views.submit(tenantId, 'Please do not tell anyone.', { flagged: true });
    await views.withdraw(tenantId, id);
    await settled();
    expect((await withheld()).find((v) => v.contributionId === id)).toMatchObject({
      status: 'withdrawn',
      case: { caseId: `case-${id}` },
    });
    const count = await t.request('GET', '/api/board/withheld-views-count', { token: await callers.token('chair') });
    expect(count.json()).toEqual({ withheld: (await withheld()).length });

    const theirs = await views.submit((await callers.me('other-chair')).tenantId, 'Southvale.', { flagged: true });
    await settled();
    expect((await withheld()).map((v) => v.contributionId)).not.toContain(theirs);
    const ack = await callers.post('safeguarding-lead', `/api/safeguarding/cases/case-${theirs}/acknowledge`, {});
    expect(ack.status).toBe(404);
    const none = await callers.post('safeguarding-lead', '/api/safeguarding/cases/no-such-case/acknowledge', {});
    expect(none.status).toBe(404);
  });
});

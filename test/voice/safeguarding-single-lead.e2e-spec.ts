// Issue 17, item 10: "a board with a single safeguarding lead opens no case for a disclosure". A case is
// always opened: the single lead is named, with no deputy; past its deadline it stays with that lead
// (overdue in their queue), never with an admin, who cannot open the safeguarding queue.
import { IdentityService } from '#identity';
import { safeguardingCaseStream } from '../../libs/voice/src/domain/index.js';
import { OverdueCaseSweeper } from '../../libs/voice/src/commands/run-safeguarding-case/overdue-case-sweeper.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import { store } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from './staff-support.js';

const SLUG = 'lonehill';
const PASSWORD = 'lonehill-password-1';

interface CaseView {
  caseId: string;
  status: string;
  namedLead: string;
  deputy: string | null;
  overdue: boolean;
  escalatedToDeputyAt: string | null;
  acknowledgedBy: string | null;
}

describe('safeguarding: a board with a single safeguarding lead', () => {
  let t: TestApp;
  let views: ViewFixture;
  let tenantId: string;
  let leadId: string;

  beforeAll(async () => {
    t = await startTestApp();
    views = new ViewFixture(t);
    const identity = t.app.get(IdentityService);
    tenantId = (await identity.createTenant(SLUG, 'Lonehill Corporate Parenting Board')).id;
    for (const role of ['safeguarding-lead', 'admin'] as const) {
      const user = await identity.createStaffUser({
        tenantId,
        email: `${role}@${SLUG}.example`,
        displayName: `Lonehill ${role}`,
        password: PASSWORD,
        roles: [role],
      });
      if (role === 'safeguarding-lead') leadId = user.id;
    }
  });
  afterAll(async () => t.close());

  const settled = async () => {
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await views.caughtUp();
  };
  const signIn = (role: string) => t.signIn(`${role}@${SLUG}.example`, PASSWORD, SLUG);
  const caseOf = async (contributionId: string): Promise<CaseView | null> => {
    const response = await t.request('GET', '/api/safeguarding/queue', { token: await signIn('safeguarding-lead') });
    expect(response.status).toBe(200);
    const listed = response.json<Array<{ contributionId: string; case: CaseView | null }>>();
    return listed.find((v) => v.contributionId === contributionId)?.case ?? null;
  };

  it('opens a case for a disclosure, naming the lead and no deputy', async () => {
    const id = await views.submit(tenantId, 'Someone at home hurts me.', { flagged: true });
    await settled();
    const events = await store(t).readStream(safeguardingCaseStream(`case-${id}`));
    expect(events.map((e) => e.type)).toEqual(['SafeguardingCaseOpened']);
    expect(events[0]!.data).toMatchObject({ namedLead: leadId, deputy: null });
    expect(await caseOf(id)).toMatchObject({ status: 'open', namedLead: leadId, deputy: null, overdue: false });
    // The board's admin sees who answers for cases, and that there is no deputy: never the case.
    const settings = await t.request('GET', '/api/staff/voice-settings', { token: await signIn('admin') });
    expect(settings.json()).toMatchObject({ safeguardingOwners: { namedLead: leadId, deputy: null } });
    expect((await t.request('GET', '/api/safeguarding/queue', { token: await signIn('admin') })).status).toBe(403);
  });

  it('keeps an overdue case with the lead (nothing escalated), who can still acknowledge it', async () => {
    const id = await views.submit(tenantId, 'I do not feel safe at night.', { flagged: true });
    await settled();
    const caseId = `case-${id}`;
    t.clock.advance(5 * 60 * 60_000);
    await t.app.get(OverdueCaseSweeper).sweep();
    await settled();
    expect((await store(t).readStream(safeguardingCaseStream(caseId))).map((e) => e.type)).toEqual([
      'SafeguardingCaseOpened',
    ]);
    expect(await caseOf(id)).toMatchObject({ overdue: true, escalatedToDeputyAt: null, deputy: null });
    const ack = await t.request('POST', `/api/safeguarding/cases/${caseId}/acknowledge`, {
      token: await signIn('safeguarding-lead'),
      body: {},
    });
    expect(ack.status).toBe(200);
    await settled();
    expect(await caseOf(id)).toMatchObject({ acknowledgedBy: leadId, overdue: false });
  });
});

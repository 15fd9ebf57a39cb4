// Issue 17, item 8: "who read this child's words, when and why", per view, per member of staff and per
// period, for auditors and admins only, through the API; every review of the log is itself in the log,
// and rows recorded before the log kept its "why" stay readable.
import { DataSource } from 'typeorm';
import { AccessLogEntity, IdentityService } from '#identity';
import { Callers } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from '../voice/staff-support.js';

interface Entry {
  entry: number;
  at: string;
  staff: { userId: string; name: string | null; role: string };
  action: string;
  subject: { type: string; id: string };
  purpose: string;
  route: string | null;
}

interface Page {
  entries: Entry[];
  page: number;
  pageSize: number;
  total: number;
  filter: Record<string, string | null>;
}

const WORDS = ['Nobody asks me before I move house.', 'I want to see my brother more often.'];

describe('access log: who read a child’s words, when and why', () => {
  let t: TestApp;
  let callers: Callers;
  let tenantId: string;
  let ids: { v1: string; v2: string };
  let staff: { moderator: string; auditor: string; admin: string };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000' });
    callers = new Callers(t);
    const views = new ViewFixture(t);
    tenantId = (await callers.me('admin')).tenantId;
    staff = {
      moderator: (await callers.me('moderator')).userId,
      auditor: (await callers.me('auditor')).userId,
      admin: (await callers.me('admin')).userId,
    };
    // A row recorded before the log kept why (no purpose, no route), a month before the rest.
    ids = { v1: await views.submit(tenantId, WORDS[0]!), v2: await views.submit(tenantId, WORDS[1]!) };
    // Written beside the app's own writers: once the projections are idle (a busy machine can keep a
    // projection batch, and the file's write lock, longer than the 5 s busy timeout).
    await views.caughtUp();
    await t.app.get(DataSource).getRepository(AccessLogEntity).insert({
      tenantId,
      userId: staff.auditor,
      role: 'auditor',
      action: 'audit-history',
      subjectType: 'contribution',
      subjectId: ids.v1,
      at: '2026-02-01T10:00:00.000Z',
      purpose: null,
      route: null,
    });
    await views.caughtUp();
    // 2 March: the moderator reads both views' words.
    expect((await callers.get('moderator', '/api/moderation/queue')).status).toBe(200);
    // 10 March: the auditor reads v1's history.
    t.clock.set(new Date('2026-03-10T12:00:00.000Z'));
    expect((await callers.get('auditor', `/api/audit/views/${ids.v1}/history`)).status).toBe(200);
  }, 120_000);
  afterAll(async () => t.close());

  const review = async (who: Parameters<Callers['get']>[0], query = ''): Promise<Page> => {
    const response = await callers.get(who, `/api/audit/access-log${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    for (const words of WORDS) expect(response.text).not.toContain(words);
    return response.json<Page>();
  };

  it("answers a view's reads newest first, with who, their role, when, the route and the purpose", async () => {
    const page = await review('auditor', `?viewId=${ids.v1}`);
    const reads = page.entries.filter((e) => e.action !== 'access-log-review');
    expect(reads).toEqual([
      {
        entry: expect.any(Number),
        at: '2026-03-10T12:00:00.000Z',
        staff: { userId: staff.auditor, name: 'Ash Green (Inspector)', role: 'auditor' },
        action: 'audit-history',
        subject: { type: 'contribution', id: ids.v1 },
        purpose: 'Audit: a record’s history',
        route: 'GET /api/audit/views/:id/history',
      },
      {
        entry: expect.any(Number),
        at: '2026-03-02T09:00:00.000Z',
        staff: { userId: staff.moderator, name: 'Morgan Lee (Participation)', role: 'moderator' },
        action: 'read-contribution-text',
        subject: { type: 'contribution', id: ids.v1 },
        purpose: 'Moderation: checking views before they reach the board',
        route: 'GET /api/moderation/queue',
      },
      // The older row: its purpose from its action, its route not recorded.
      {
        entry: expect.any(Number),
        at: '2026-02-01T10:00:00.000Z',
        staff: { userId: staff.auditor, name: 'Ash Green (Inspector)', role: 'auditor' },
        action: 'audit-history',
        subject: { type: 'contribution', id: ids.v1 },
        purpose: 'Audit: a record’s history',
        route: null,
      },
    ]);
    expect(page.filter).toEqual({ viewId: ids.v1, staffId: null, from: null, to: null });
  });

  it('records every review of the log in the log, with its purpose, and shows it to the next review', async () => {
    await review('admin', `?viewId=${ids.v2}`);
    const next = await review('auditor', `?viewId=${ids.v2}`);
    expect(next.entries[0]).toEqual({
      entry: expect.any(Number),
      at: '2026-03-10T12:00:00.000Z',
      staff: { userId: staff.admin, name: 'Alex Admin', role: 'admin' },
      action: 'access-log-review',
      subject: { type: 'contribution', id: ids.v2 },
      purpose: 'Access-log review',
      route: 'GET /api/audit/access-log',
    });
    const everything = await review('admin');
    expect(everything.entries[0]).toMatchObject({
      staff: { userId: staff.auditor },
      action: 'access-log-review',
      subject: { type: 'contribution', id: ids.v2 },
    });
    const byStaff = await review('admin', `?staffId=${staff.moderator}`);
    const latest = await review('admin', '?pageSize=1');
    expect(latest.entries[0]).toMatchObject({
      action: 'access-log-review',
      subject: { type: 'staff', id: staff.moderator },
    });
    expect(byStaff.total).toBeGreaterThan(0);
  });

  it('filters by member of staff and by period (London dates, both ends included)', async () => {
    const moderator = await review('auditor', `?staffId=${staff.moderator}`);
    expect(new Set(moderator.entries.map((e) => e.staff.userId))).toEqual(new Set([staff.moderator]));
    expect(moderator.entries.map((e) => e.subject.id).sort()).toEqual(expect.arrayContaining([ids.v1, ids.v2].sort()));

    const early = await review('auditor', '?from=2026-03-01&to=2026-03-02');
    expect(early.entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of early.entries) {
      expect(entry.at >= '2026-03-01T00:00:00.000Z' && entry.at < '2026-03-03T00:00:00.000Z').toBe(true);
    }
    const february = await review('auditor', `?viewId=${ids.v1}&to=2026-02-28`);
    expect(february.entries.map((e) => e.at)).toEqual(['2026-02-01T10:00:00.000Z']);
    const none = await review('auditor', `?viewId=${ids.v1}&from=2026-02-02&to=2026-03-01`);
    expect(none).toMatchObject({ entries: [], total: 0 });
  });

  it('pages newest first', async () => {
    const all = await review('admin', `?viewId=${ids.v1}&pageSize=200`);
    const second = await review('admin', `?viewId=${ids.v1}&pageSize=2&page=2`);
    expect(second).toMatchObject({ page: 2, pageSize: 2 });
    // One more review row was recorded in between: the second page now starts one later.
    expect(second.total).toBe(all.total + 1);
    expect(second.entries.map((e) => e.entry)).toEqual(all.entries.slice(1, 3).map((e) => e.entry));
    const numbers = all.entries.map((e) => e.entry);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('admits auditors and admins only, and only to their own board', async () => {
    for (const who of ['clerk', 'chair', 'member', 'officer', 'moderator', 'safeguarding-lead'] as const) {
      expect((await callers.get(who, '/api/audit/access-log')).status).toBe(403);
    }
    expect((await callers.get(undefined, '/api/audit/access-log')).status).toBe(401);
    const identity = t.app.get(IdentityService);
    const other = await identity.createTenant('westfold', 'Westfold Corporate Parenting Board');
    await identity.createStaffUser({
      tenantId: other.id,
      email: 'auditor@westfold.example',
      displayName: 'Westfold auditor',
      password: 'westfold-password-1',
      roles: ['auditor'],
    });
    const token = await t.signIn('auditor@westfold.example', 'westfold-password-1', 'westfold');
    const theirs = await t.request('GET', `/api/audit/access-log?viewId=${ids.v1}`, { token });
    expect(theirs.status).toBe(200);
    expect(theirs.json<Page>().total).toBe(0);
    // Westfold's log holds its own staff's reads only (an id they asked about themselves included).
    const all = await t.request('GET', '/api/audit/access-log?pageSize=200', { token });
    const westfoldAuditor = (await t.request('GET', '/api/auth/me', { token })).json<{ userId: string }>().userId;
    expect(new Set(all.json<Page>().entries.map((e) => e.staff.userId))).toEqual(new Set([westfoldAuditor]));
    for (const id of [ids.v2, staff.moderator, staff.auditor, staff.admin]) expect(all.text).not.toContain(id);
  });

  it('refuses bad filters with 400 problems naming the field', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?from=2026-03-05&to=2026-03-01', 'to'],
      ['?pageSize=500', 'pageSize'],
      ['?page=0', 'page'],
      ['?page=1e309', 'page'],
      ['?viewId=%3Cscript%3E', 'viewId'],
      ['?staffId=a%20b', 'staffId'],
      ['?words=x', 'words'],
    ] as const) {
      const response = await callers.get('auditor', `/api/audit/access-log${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain(field);
    }
  });
});

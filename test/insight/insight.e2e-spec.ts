// Issue 5's insight routes through HTTP, on a year of the demo board driven through the real deciders
// into the app's own (sealing) event store: who may read them, what they show, "as at", the evidence
// pack as HTML and as a PDF printed by Chromium, and the access log.
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { AccessLog, IdentityService } from '#identity';
import { driveBoardYear, type BoardYear } from '#demo';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { monthName } from '../../libs/insight/src/read-models/evidence-pack/impact-charts.js';

describe('insight through HTTP', () => {
  let t: TestApp;
  let tenantId: string;
  let year: BoardYear;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    tenantId = (await t.app.get(IdentityService).tenantBySlug('northshire'))!.id;
    year = await driveBoardYear(t.app.get<EventStore>(EVENT_STORE), { tenantId, prefix: 'ny', seed: 7 });
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 60_000 });
    t.clock.set(new Date(`${year.endOn}T18:00:00Z`));
  }, 180_000);
  afterAll(async () => t?.close());

  async function as(role: string, path: string) {
    if (!tokens.has(role)) tokens.set(role, await t.signIn(`${role}@northshire.example`));
    return t.request('GET', path, { token: tokens.get(role) });
  }

  const citedDecision = () => year.facts.decisions.list.find((d) => d.citations > 0)!;

  it('lets the board and auditors read insight, and no one else', async () => {
    const path = `/api/insight/decisions/${citedDecision().decisionId}/influence`;
    for (const role of ['chair', 'clerk', 'member', 'officer', 'admin', 'auditor']) {
      expect((await as(role, path)).status).toBe(200);
    }
    for (const role of ['moderator', 'safeguarding']) expect((await as(role, path)).status).toBe(403);
    expect((await t.request('GET', path)).status).toBe(401);
  });

  it('shows a decision’s views by influence and records the read of their words', async () => {
    const decision = citedDecision();
    const response = await as('chair', `/api/insight/decisions/${decision.decisionId}/influence`);
    const body = response.json<{ influence: Record<string, Array<{ contributionId: string; words?: string }>> }>();
    const cited = Object.values(body.influence).flat();
    expect(cited).toHaveLength(decision.citations);
    const withWords = cited.filter((v) => v.words !== undefined).map((v) => v.contributionId);
    const chair = (await t.app.get(AccessLog).forTenant(tenantId, 1000)).filter(
      (e) => e.action === 'read-contribution-text' && e.role === 'chair',
    );
    expect(chair.map((e) => e.subjectId)).toEqual(expect.arrayContaining(withWords));
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('answers 404 for another board’s or an unknown decision, and 400 for bad input naming the field', async () => {
    expect((await as('chair', '/api/insight/decisions/no-such-decision/influence')).status).toBe(404);
    // Issue 17: the views tabled at another board's (or no) meeting answered 200 with an empty list.
    const view = year.facts.views.list.find((v) => v.tabledAt)!;
    expect((await as('chair', '/api/insight/meetings/no-such-meeting/items/no-such-item/views')).status).toBe(404);
    expect(
      (await as('chair', `/api/insight/meetings/${view.tabledAt!.meetingId}/items/no-such-item/views`)).status,
    ).toBe(404);
    const bad = await as('chair', `/api/insight/decisions/${citedDecision().decisionId}/influence?asAt=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('asAt');
    const both = await as('chair', `/api/insight/impact?asAt=2026-03-01T00:00:00Z&position=${'0'.repeat(19)}1`);
    expect(both.status).toBe(400);
    expect(both.text).toContain('position');
    const backwards = await as('chair', '/api/insight/impact?from=2026-05-01&to=2026-04-01');
    expect(backwards.status).toBe(400);
    expect(backwards.text).toContain('to');
  });

  it('reads voice impact now and as at a past moment', async () => {
    const now = (await as('chair', '/api/insight/impact')).json<{ decisions: { total: number } }>();
    expect(now.decisions.total).toBe(year.facts.decisions.total);
    const second = year.meetings[1]!;
    const then = (await as('chair', `/api/insight/impact?asAt=${encodeURIComponent(`${second.on}T23:59:00Z`)}`)).json<{
      decisions: { total: number };
    }>();
    const expected = year.facts.decisions.list.filter((d) => Date.parse(d.at) <= Date.parse(`${second.on}T23:59:00Z`));
    expect(then.decisions.total).toBe(expected.length);
    expect(then.decisions.total).toBeLessThan(now.decisions.total);
  });

  it('follows a view’s journey and says only "withheld" of a withheld one', async () => {
    const view = year.facts.views.list.find((v) => v.citedBy.length > 0 && v.feedback && !v.withdrawnAt)!;
    const journey = (await as('auditor', `/api/insight/views/${view.contributionId}/journey`)).json<{
      reference?: string;
      steps: Array<{ step: string }>;
    }>();
    expect(journey.steps.map((s) => s.step)).toEqual(expect.arrayContaining(['submitted', 'cited', 'feedback']));
    // Its short reference, the same in the influence of each decision citing it (staff pages show it, not the id).
    expect(journey.reference).toMatch(/^V-\d{4}$/);
    const influence = (await as('auditor', `/api/insight/decisions/${view.citedBy[0]!.decisionId}/influence`)).json<{
      influence: Record<string, Array<{ contributionId: string; reference?: string }>>;
    }>();
    const cited = Object.values(influence.influence)
      .flat()
      .find((v) => v.contributionId === view.contributionId);
    expect(cited?.reference).toBe(journey.reference);
    const withheld = await as('auditor', `/api/insight/views/${year.views.flaggedByScreen}/journey`);
    expect(withheld.json()).toMatchObject({ availability: 'withheld', steps: [] });
    expect(withheld.json()).not.toHaveProperty('reference');
    const audits = (await t.app.get(AccessLog).forTenant(tenantId, 1000)).filter((e) => e.action === 'audit-read');
    expect(audits.map((e) => e.subjectId)).toContain(view.contributionId);
  });

  it('lists the views tabled at an item for the decision picker, to board roles only', async () => {
    const view = year.facts.views.list.find((v) => v.tabledAt && !v.withdrawnAt && !v.erasedAt && !v.withheldBy)!;
    const path = `/api/insight/meetings/${view.tabledAt!.meetingId}/items/${view.tabledAt!.itemId}/views`;
    const tabled = await as('chair', path);
    expect(tabled.status).toBe(200);
    expect(tabled.json<{ views: Array<{ contributionId: string }> }>().views.map((v) => v.contributionId)).toContain(
      view.contributionId,
    );
    expect((await as('moderator', path)).status).toBe(403);
  });

  it('gives "You said, we did" by theme without any withheld view', async () => {
    const story = (await as('member', '/api/insight/you-said-we-did')).json<{
      themes: Array<{ theme: string; views: number; quotes: Array<{ contributionId: string }> }>;
    }>();
    expect(story.themes.length).toBeGreaterThan(0);
    const quoted = story.themes.flatMap((th) => th.quotes.map((q) => q.contributionId));
    expect(quoted).not.toContain(year.views.flaggedByScreen);
    expect(quoted).not.toContain(year.views.escalatedByModerator);
  });

  it('renders the evidence pack as HTML with its charts and their figures, escaping everything', async () => {
    const response = await as('auditor', '/api/insight/evidence-pack');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = response.text;
    expect(html).toContain('<h1>Evidence pack');
    expect((html.match(/<svg role="img"/g) ?? []).length).toBe(3);
    expect(html).toContain(
      `Decisions with children’s views as evidence</th><td>${year.facts.decisions.withVoiceEvidence} (`,
    );
    expect(html).not.toMatch(/<script/i);
  });

  it('gives the dashboard its three charts as SVG with tables of the same figures as the impact series', async () => {
    const period = 'from=2025-01-01&to=2026-12-31';
    const response = await as('chair', `/api/insight/charts?${period}`);
    expect(response.status).toBe(200);
    const { charts } = response.json<{
      charts: Array<{ title: string; description: string; svg: string; table: { head: string[]; rows: unknown[][] } }>;
    }>();
    expect(charts.map((c) => c.title)).toEqual([
      'Views by theme',
      'Decisions with and without children’s views',
      'Time to feedback',
    ]);
    for (const chart of charts) {
      expect(chart.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      expect(chart.description.length).toBeGreaterThan(10);
    }
    const impact = (await as('chair', `/api/insight/impact?${period}`)).json<{
      series: { decisionsByMonth: Array<{ month: string; withVoice: number; without: number }> };
    }>();
    expect(impact.series.decisionsByMonth.length).toBeGreaterThan(0);
    expect(charts[1]!.table.rows).toEqual(
      impact.series.decisionsByMonth.map((d) => [monthName(d.month), d.withVoice, d.without]),
    );
    // Themes by the board's names (the demo board has the default list), never their codes.
    expect(charts[0]!.table.rows.length).toBeGreaterThan(0);
    for (const [theme] of charts[0]!.table.rows) expect(theme).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect((await as('moderator', '/api/insight/charts')).status).toBe(403);
  });

  it('prints the evidence pack to PDF with Chromium', async () => {
    const response = await fetch(`${t.baseUrl}/api/insight/evidence-pack.pdf`, {
      headers: { authorization: `Bearer ${tokens.get('auditor') ?? (await t.signIn('auditor@northshire.example'))}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    // Tagged for assistive technology: a structure tree of headings, paragraphs and tables, marked
    // content, the document's language, and an outline of its sections.
    const pdf = bytes.toString('latin1');
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toMatch(/\/MarkInfo\s*<<\s*(\/Type\s*\/MarkInfo\s*)?\/Marked\s+true/);
    expect(pdf).toMatch(/\/Lang\s*\(en-GB\)/);
    for (const role of ['H1', 'H2', 'P', 'Table', 'TH', 'TD']) expect(pdf).toMatch(new RegExp(`/S /${role}\\s`));
    expect(pdf).toContain('/Outlines');
  }, 60_000);
});

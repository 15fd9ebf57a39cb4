import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { BoardYear } from '#demo';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  signInThroughPage,
  screenshot,
  tabTo,
  VIEWPORTS,
} from '../support/browser.js';
import { startTestAppWithBoardYear, type TestApp } from '../support/test-app.js';

// The auditor's journey on a year of the demo board: sign in, see the log verified, open an amended
// decision's history from the decisions register, travel back to before its amendment and see it as it
// stood, then before it existed (a plain message, nothing stale), and save the signed export bundle
// (fetched with the token, never in a URL). Then the evidence: a decision citing views, how they shaped
// it, a view's journey, and back to the decision and its meeting's history in plain words. 0 axe
// violations on every state; no sideways scroll at 360 px; no id where a short reference exists.
// The same journey with JavaScript off and in Welsh: the pages are server-rendered (ADR 0026), their
// session is the cookie sign-in sets, and each read is in the access log as the JSON route records it.

const TEST = 'auditor';

// The one date style (page.js): "7 December 2026 at 3:05pm", the timeline to the second.
const DATE_TIME = /^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}(:\d{2}){0,2}(am|pm)$/;

/** The page's labels: headings, links, captions and the timeline's titles. */
const labels = (page: Page) => page.locator('main :is(h1, h2, h3, a, caption, .event-title)').allTextContents();

async function expectFits(page: Page, width: number) {
  if (width > 360) return;
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
}

describe('an auditor in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let year: BoardYear;
  let tenantId: string;

  beforeAll(async () => {
    ({ t, tenantId, year } = await startTestAppWithBoardYear({ prefix: 'au', seed: 5 }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signInAt = (page: Page, path: string, role: string) => signInThroughPage(t, page, path, role);

  it.each(VIEWPORTS)(
    'verifies the log, travels back before an amendment, and saves the bundle (%o)',
    async (viewport) => {
      const amended = year.decisions.amended!;
      expect(amended).toBeDefined();
      const cited = year.facts.decisions.list.find((d) => d.citations > 1 && !d.amends)!;
      const token = await t.signIn('auditor@northshire.example');
      const history = (await t.request('GET', `/api/audit/decisions/${amended}/history`, { token })).json<{
        events: Array<{ type: string; recordedAt: string }>;
      }>();
      const recordedAt = history.events.find((e) => e.type === 'DecisionRecorded')!.recordedAt;
      const amendedAt = history.events.find((e) => e.type === 'DecisionAmended')!.recordedAt;
      // The end of the day it was recorded (London) is well before the amendment, at a later meeting.
      expect(Date.parse(amendedAt) - Date.parse(recordedAt)).toBeGreaterThan(2 * 86_400_000);
      const recordedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(recordedAt));

      const { page, context, urls } = await openPage(browser, viewport);
      try {
        await signInAt(page, '/audit/', 'auditor');

        // Integrity: verified, with the events checked and the head.
        await page.locator('#integrity-result .verdict').waitFor();
        expect(await page.locator('#integrity-result .verdict').textContent()).toContain('Verified');
        const checked = Number(await page.locator('#integrity-result dd').first().textContent());
        expect(checked).toBeGreaterThan(100);
        await page.locator('#key-pem', { hasText: 'BEGIN PUBLIC KEY' }).waitFor();
        await expectNoAxeViolations(page, 'audit home');
        await screenshot(page, TEST, 'home');

        // Check again, by keyboard.
        await tabTo(page, page.locator('#check-again'));
        await page.keyboard.press('Enter');
        await page.locator('#integrity-result .verdict').waitFor();
        expect(await page.locator('#integrity-result .verdict').textContent()).toContain('Verified');

        // The export bundle: fetched with the token and saved; its first line is the bundle's header.
        const download = page.waitForEvent('download');
        await page.locator('#download-bundle').click();
        const saved = await download;
        expect(saved.suggestedFilename()).toMatch(/^audit-bundle-.*\.jsonl$/);
        const first = JSON.parse(readFileSync((await saved.path())!, 'utf8').split('\n')[0]!);
        expect(first).toMatchObject({ kind: 'header', format: 'cpb-audit-bundle/1', scope: 'tenant', tenantId });
        await page.locator('#export-status', { hasText: 'Saved' }).waitFor();

        // The decisions register, from the home; the amended decision from it, by keyboard.
        await page.locator('a[href="/audit/decisions"]').click();
        await page.waitForURL((u) => u.pathname === '/audit/decisions');
        await page.locator('#count', { hasText: `${year.facts.decisions.total} decisions` }).waitFor();
        for (const decided of await page.locator('#register tbody td:first-child').allTextContents()) {
          expect(decided).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
        }
        // Each decision by its short reference, and what replaced one by its own.
        const registered = await page.locator('#register tbody td:nth-child(2) a').allTextContents();
        expect(registered).toHaveLength(year.facts.decisions.total);
        for (const d of registered) expect(d).toMatch(/^D-\d{4}: ./);
        for (const since of await page.locator('#register tbody td:last-child').allTextContents()) {
          expect(since).toMatch(/^(in force|amended|(amended, )?replaced by D-\d{4})$/);
        }
        for (const label of await labels(page)) expect(label).not.toContain(amended);
        await expectNoAxeViolations(page, 'decisions register');
        await expectFits(page, viewport.width);
        const link = page.locator(`#register a[href="/audit/decisions/${amended}"]`);
        await tabTo(page, link, 400);
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === `/audit/decisions/${amended}`);
        await page
          .locator('#timeline li')
          .nth(history.events.length - 1)
          .waitFor();
        await page.locator('#then-facts', { hasText: 'Amendment 1' }).waitFor();
        // What each event said, in plain words: the decision by its short reference, not its id.
        const titles = await page.locator('#timeline .event-title').allTextContents();
        expect(titles[0]).toMatch(/^Decision D-\d{4} recorded at .+: .+/);
        // Amended at a later meeting: named by its reference from the register all the same.
        expect(titles.some((t) => /^Amended by decision D-\d{4}: ./.test(t))).toBe(true);
        for (const time of await page.locator('#timeline time').allTextContents()) expect(time).toMatch(DATE_TIME);
        expect(await page.locator('h1').textContent()).toMatch(/^Decision D-\d{4}: history$/);
        for (const label of await labels(page)) expect(label).not.toContain(amended);
        await expectNoAxeViolations(page, 'decision history, now');
        await screenshot(page, TEST, 'decision-now');

        // Back in time: the end of the day it was recorded, before the amendment.
        await tabTo(page, page.locator('#asAtDate'), 200);
        await page.locator('#asAtDate').fill(recordedOn);
        await page.locator('#asAtTime').fill('23:59:59');
        await tabTo(page, page.locator('#show-as-at'));
        await page.keyboard.press('Enter');
        await page.locator('#then-title', { hasText: 'As it stood at' }).waitFor();
        // A plain GET form: the page came back with the decision as it stood then.
        expect(new URL(page.url()).searchParams.get('asAtDate')).toBe(recordedOn);
        const then = (await page.locator('#then-facts').textContent())!.replace(/\s+/g, '');
        expect(then).toContain('Amendmentsnone');
        expect(then).not.toContain('Amendment1');
        expect(await page.locator('#knew-counts').textContent()).toContain('Views tabled');
        await expectNoAxeViolations(page, 'decision as it stood');
        await screenshot(page, TEST, 'decision-then');

        // A date before the decision existed: it says so plainly, and nothing of the record is left.
        await page.locator('#asAtDate').fill('2000-01-01');
        await page.locator('#show-as-at').click();
        await page.locator('#then-none').waitFor();
        expect(await page.locator('#then-none').textContent()).toBe(
          'The decision had not been recorded by 1 January 2000 at 11:59:59pm: nothing of it existed then.',
        );
        expect(await page.locator('#then-title').textContent()).toBe('As it stood at 1 January 2000 at 11:59:59pm');
        expect(await page.locator('#then-facts').count()).toBe(0);
        expect(await page.locator('#knew').count()).toBe(0);
        expect(await page.locator('.govuk-error-summary').count()).toBe(0);
        await expectNoAxeViolations(page, 'decision before it existed');
        await expectFits(page, viewport.width);
        await screenshot(page, TEST, 'decision-before');
        // And now again: the record is back, the message gone.
        await page.locator('#show-now').click();
        await page.locator('#then-title', { hasText: 'As it stands now' }).waitFor();
        expect(await page.locator('#then-none').count()).toBe(0);
        await page.locator('#then-facts', { hasText: 'Amendment 1' }).waitFor();

        // The evidence: a decision citing views, from the register.
        await page.goto(new URL('/audit/decisions', page.url()).href);
        await page.locator(`#register a[href="/audit/decisions/${cited.decisionId}"]`).click();
        await page.waitForURL((u) => u.pathname === `/audit/decisions/${cited.decisionId}`);
        await page.locator('#evidence').waitFor();
        // What the board knew when it decided: the views it had by short reference, never by id.
        const knewIds = (await t.request('GET', `/api/audit/decisions/${cited.decisionId}`, { token }))
          .json<{ boardKnew: { views: Array<{ contributionId: string }> } }>()
          .boardKnew.views.map((v) => v.contributionId);
        expect(knewIds.length).toBeGreaterThan(0);
        await page.locator('#knew-views th').first().waitFor();
        const knew = await page.locator('#knew-views th').allTextContents();
        expect(knew).toHaveLength(knewIds.length);
        for (const name of knew) expect(name).toMatch(/^(V-\d{4}|A view)$/);
        expect(knew.some((name) => name.startsWith('V-'))).toBe(true);
        const knewText = (await page.locator('#knew').textContent())!;
        for (const id of knewIds) expect(knewText).not.toContain(id);
        await page.locator('#to-influence').click();
        await page.waitForURL((u) => u.pathname === `/audit/decisions/${cited.decisionId}/influence`);
        await page.locator('#influence .citation').first().waitFor();
        const views = await page.locator('#influence .citation h3').allTextContents();
        expect(views).toHaveLength(cited.citations);
        for (const name of views) expect(name).toMatch(/^(V-\d{4}|A view)$/);
        expect(views.some((name) => name.startsWith('V-'))).toBe(true);
        expect(await page.locator('#influence .citation', { hasText: 'Why, as the chair recorded' }).count()).toBe(
          cited.citations,
        );
        expect(await page.locator('#decision-facts dd').nth(1).textContent()).toMatch(DATE_TIME);
        const viewIds = (
          await page.locator('#influence .citation a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
        ).map((href) => decodeURIComponent(href.split('/').pop()!));
        for (const label of await labels(page)) {
          for (const id of [cited.decisionId, cited.meetingId, ...viewIds]) expect(label).not.toContain(id);
        }
        await expectNoAxeViolations(page, 'how views shaped a decision');
        await expectFits(page, viewport.width);
        await screenshot(page, TEST, 'influence');

        // A view's journey: its steps in the one date style, the decision citing it, and back.
        const journeyLink = page.locator('#influence .citation a').first();
        const reference = (await journeyLink.textContent())!.replace(': its journey', '');
        await journeyLink.click();
        await page.waitForURL((u) => u.pathname === `/audit/views/${viewIds[0]}`);
        await page.locator('#steps tbody tr').first().waitFor();
        expect(await page.locator('h1').textContent()).toBe(
          reference === 'This view' ? 'A view: its journey' : `View ${reference}: its journey`,
        );
        const steps = await page.locator('#steps tbody td:nth-child(2)').allTextContents();
        expect(steps[0]).toBe('Sent in by a young person');
        expect(steps).toContain('Cited in a decision (the decision’s history)');
        expect(steps).toContain('Tabled at a meeting (the meeting’s history)');
        for (const time of await page.locator('#steps tbody td:first-child').allTextContents()) {
          expect(time).toMatch(DATE_TIME);
        }
        for (const label of await labels(page)) expect(label).not.toContain(viewIds[0]);
        await expectNoAxeViolations(page, 'a view’s journey');
        await expectFits(page, viewport.width);
        await screenshot(page, TEST, 'view-journey');
        await page.locator(`#cited-by a[href="/audit/decisions/${cited.decisionId}"]`).click();
        await page.waitForURL((u) => u.pathname === `/audit/decisions/${cited.decisionId}`);

        // Its meeting's history, in plain words, with its decisions by short reference.
        await page.locator('#evidence').waitFor();
        await page.locator('#to-meeting').click();
        await page.waitForURL((u) => u.pathname === `/audit/meetings/${cited.meetingId}`);
        await page.locator('#timeline .event-title').first().waitFor();
        const said = await page.locator('#timeline .event-title').allTextContents();
        expect(said[0]).toMatch(/^Meeting scheduled: .+, \d{1,2} [A-Z][a-z]+ \d{4} at .+, quorum \d+$/);
        expect(said.some((t) => /^Agenda item added: .+ \(for (decision|discussion)\)/.test(t))).toBe(true);
        expect(said.some((t) => /^Meeting opened: \d+ present, quorum \d+/.test(t))).toBe(true);
        expect(said).toContain('Meeting closed');
        const decisions = await page.locator('#decisions a').allTextContents();
        expect(decisions.length).toBeGreaterThan(0);
        for (const d of decisions) expect(d).toMatch(/^Decision D-\d{4}: ./);
        await page.locator(`#decisions a[href="/audit/decisions/${cited.decisionId}"]`).waitFor();
        for (const label of await labels(page)) expect(label).not.toContain(cited.decisionId);
        // The views tabled there by now, each by its short reference.
        const tabled = await page.locator('#knew-views li').allTextContents();
        expect(tabled.length).toBeGreaterThan(0);
        for (const line of tabled) expect(line).toMatch(/^(V-\d{4}|A view): /);
        for (const id of knewIds) expect((await page.locator('#knew').textContent())!).not.toContain(id);
        await expectNoAxeViolations(page, 'meeting history in plain words');
        await expectFits(page, viewport.width);
        await screenshot(page, TEST, 'meeting-now');

        // Nothing but record ids in the pages' URLs, and the "as at" form's date and time (a plain GET
        // form: a moment is not personal data); never a token or a password.
        expect(new URL(page.url()).search).toBe('');
        for (const seen of urls) expect(seen).not.toMatch(/token|password|eyJ/i);
        for (const seen of urls.filter((u) => !new URL(u).pathname.startsWith('/api/'))) {
          for (const name of new URL(seen).searchParams.keys())
            expect(['asAtDate', 'asAtTime', 'next']).toContain(name);
        }
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('shows a meeting’s history and the meeting as it stood before it opened', async () => {
    const meeting = year.meetings[0]!;
    const { page, context } = await openPage(browser, VIEWPORTS[1]);
    try {
      await signInAt(page, `/audit/meetings/${meeting.meetingId}`, 'auditor');
      await page.locator('#timeline .event-title', { hasText: 'Meeting scheduled: ' }).first().waitFor();
      await page.locator('#then-facts', { hasText: 'Status' }).waitFor();
      await expectNoAxeViolations(page, 'meeting history');
      await page
        .locator('#asAtDate')
        .fill(
          new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
            new Date(Date.parse(`${meeting.on}T12:00:00Z`) - 86_400_000),
          ),
        );
      await page.locator('#show-as-at').click();
      await page.locator('#then-title', { hasText: 'As it stood at' }).waitFor();
      const before = (await page.locator('#then-facts').textContent())!.replace(/\s+/g, '');
      expect(before).toContain('Status');
      expect(before).not.toContain('Statusclosed');
      await expectNoAxeViolations(page, 'meeting as it stood');
      await screenshot(page, TEST, 'meeting-then');
      // Before it was scheduled: said plainly, with nothing of the meeting left on the page.
      await page.locator('#asAtDate').fill('2000-01-01');
      await page.locator('#show-as-at').click();
      await page.locator('#then-none').waitFor();
      expect(await page.locator('#then-none').textContent()).toContain(
        'The meeting had not been scheduled by 1 January 2000',
      );
      expect(await page.locator('#then-facts').count()).toBe(0);
      expect(await page.locator('#knew').count()).toBe(0);
      await expectNoAxeViolations(page, 'meeting before it was scheduled');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('works with JavaScript off and in Welsh, on the session cookie, reads recorded as the API records them', async () => {
    const amended = year.decisions.amended!;
    const cited = year.facts.decisions.list.find((d) => d.citations > 1 && !d.amends)!;
    const context = await browser.newContext({
      viewport: VIEWPORTS[0],
      javaScriptEnabled: false,
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // axe runs as a script in the page, so where scripts run: each state is checked again, at the same
    // address (a GET), by a tab with JavaScript on and the same session cookie; the HTML is the same.
    const checking = await browser.newContext({ viewport: VIEWPORTS[0], reducedMotion: 'reduce' });
    const checker = await checking.newPage();
    const check = async (state: string) => {
      await checking.addCookies(
        (await context.cookies()).filter((c) => ['cpb_staff_session', 'cpb-lang'].includes(c.name)),
      );
      await checker.goto(page.url());
      expect(new URL(checker.url()).pathname).toBe(new URL(page.url()).pathname);
      await expectNoAxeViolations(checker, state);
      await expectFits(checker, 360);
    };
    const auditor = { tenant: 'northshire', email: 'auditor@northshire.example', password: 'demo-board-2026' };
    try {
      // No session: to sign in, and back after; the page's path is all the address holds.
      await page.goto(appUrl(t, `/audit/decisions/${amended}`));
      expect(new URL(page.url()).pathname).toBe('/staff/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/audit/decisions/${amended}`);
      // Signing in sets the session cookie in this browser (the sign-in page itself still needs JavaScript:
      // signed in here through the API, with this browser's cookie jar).
      expect((await context.request.post(appUrl(t, '/api/auth/sign-in'), { data: auditor })).status()).toBe(200);
      const cookie = (await context.cookies()).find((c) => c.name === 'cpb_staff_session')!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie.expires).toBeGreaterThan(Date.now() / 1000);

      // The register, in Welsh, with the navigation for an auditor and sign out.
      await page.goto(appUrl(t, '/audit/decisions?lang=cy'));
      expect(await page.locator('html').getAttribute('lang')).toBe('cy');
      expect(await page.locator('h1').textContent()).toBe('Cofrestr penderfyniadau');
      await page.locator('#count', { hasText: `${year.facts.decisions.total} penderfyniad.` }).waitFor();
      await page.locator('.govuk-service-navigation a[href="/audit/"]', { hasText: 'Archwilio' }).waitFor();
      expect(await page.locator('.govuk-service-navigation a[href="/staff/moderation"]').count()).toBe(0);
      await page.locator('#sign-out', { hasText: 'Allgofnodi' }).waitFor();
      for (const since of await page.locator('#register tbody td:last-child').allTextContents()) {
        expect(since).toMatch(/^(mewn grym|diwygiwyd|(diwygiwyd, )?disodlwyd gan D-\d{4})$/);
      }
      await check('decisions register, Welsh, no JavaScript');

      // The amended decision: its history in plain Welsh, to the second.
      await page.locator(`#register a[href="/audit/decisions/${amended}"]`).click();
      await page.waitForURL((u) => u.pathname === `/audit/decisions/${amended}`);
      expect(await page.locator('h1').textContent()).toMatch(/^Penderfyniad D-\d{4}: hanes$/);
      const titles = await page.locator('#timeline .event-title').allTextContents();
      expect(titles[0]).toMatch(/^Penderfyniad D-\d{4} wedi’i gofnodi yn .+: .+/);
      expect(titles.some((said) => /^Diwygiwyd gan penderfyniad D-\d{4}: ./.test(said))).toBe(true);
      for (const time of await page.locator('#timeline time').allTextContents()) {
        expect(time).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} am \d{1,2}:\d{2}:\d{2}(am|pm)$/);
      }
      await check('decision history, Welsh, no JavaScript');

      // The "as at" form is a plain GET form: without a date it says so, in an error summary.
      await page.locator('#asAtDate').fill('');
      await page.locator('#show-as-at').click();
      await page.locator('.govuk-error-summary', { hasText: 'Rhowch y dyddiad i deithio yn ôl iddo' }).waitFor();
      expect(await page.title()).toMatch(/^Gwall: /);
      await check('as at without a date, Welsh, no JavaScript');
      // Then before the amendment: the end of the day it was recorded.
      const history = (
        await t.request('GET', `/api/audit/decisions/${amended}/history`, { token: await t.signIn(auditor.email) })
      ).json<{
        events: Array<{ type: string; recordedAt: string }>;
      }>();
      const recordedAt = history.events.find((e) => e.type === 'DecisionRecorded')!.recordedAt;
      await page
        .locator('#asAtDate')
        .fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(recordedAt)));
      await page.locator('#asAtTime').fill('23:59:59');
      await page.locator('#show-as-at').click();
      await page.locator('#then-title', { hasText: 'Fel yr oedd am' }).waitFor();
      const then = (await page.locator('#then-facts').textContent())!.replace(/\s+/g, '');
      expect(then).toContain('Diwygiadaudim');
      expect(await page.locator('#knew-counts').textContent()).toContain('Barn a gyflwynwyd');
      await check('decision as it stood, Welsh, no JavaScript');

      // How views shaped a decision, then a view's journey: each read in the access log as the JSON
      // routes record it (the same query handlers), by the route the page stands for.
      await page.goto(appUrl(t, `/audit/decisions/${cited.decisionId}/influence`));
      expect(await page.locator('h1').textContent()).toBe('Sut y gwnaeth barn plant siapio’r penderfyniad hwn');
      expect(await page.locator('#influence .citation').count()).toBe(cited.citations);
      expect(await page.locator('#influence .citation', { hasText: 'Pam, fel y cofnododd y cadeirydd' }).count()).toBe(
        cited.citations,
      );
      await check('how views shaped a decision, Welsh, no JavaScript');
      const journey = page.locator('#influence .citation a').first();
      const viewId = decodeURIComponent((await journey.getAttribute('href'))!.split('/').pop()!);
      await journey.click();
      await page.waitForURL((u) => u.pathname === `/audit/views/${viewId}`);
      expect(await page.locator('h1').textContent()).toMatch(/^Barn( V-\d{4})?: ei thaith$/);
      expect((await page.locator('#steps tbody td:nth-child(2)').allTextContents())[0]).toBe(
        'Anfonwyd gan berson ifanc',
      );
      await check('a view’s journey, Welsh, no JavaScript');
      type Read = { action: string; route: string; purpose: string; staff: { role: string } };
      const token = await t.signIn(auditor.email);
      const reads = async () =>
        (await t.request('GET', `/api/audit/access-log?viewId=${viewId}`, { token }))
          .json<{ entries: Read[] }>()
          .entries.filter((e) => e.action !== 'access-log-review')
          .map(({ action, route, purpose, staff }) => ({ action, route, purpose, role: staff.role }));
      const byPages = await reads();
      expect(byPages[0]).toEqual({
        action: 'audit-read',
        route: 'GET /api/insight/views/:id/journey',
        purpose: 'Audit: reading insight',
        role: 'auditor',
      });
      // The JSON route's own read of the same journey: the same row.
      expect((await t.request('GET', `/api/insight/views/${viewId}/journey`, { token })).status).toBe(200);
      expect((await reads())[0]).toEqual(byPages[0]);

      // Its meeting's history, in Welsh.
      await page.goto(appUrl(t, `/audit/meetings/${cited.meetingId}`));
      expect((await page.locator('#timeline .event-title').allTextContents())[0]).toMatch(
        /^Cyfarfod wedi’i drefnu: .+/,
      );
      await page.locator(`#decisions a[href="/audit/decisions/${cited.decisionId}"]`).waitFor();
      await check('meeting history, Welsh, no JavaScript');

      // Sign out: a form that posts (with its CSRF token) and clears the cookie; the pages ask to sign in again.
      await page.locator('#sign-out').click();
      await page.waitForURL((u) => u.pathname === '/staff/sign-in');
      expect((await context.cookies()).some((c) => c.name === 'cpb_staff_session')).toBe(false);
      await page.goto(appUrl(t, '/audit/decisions'));
      expect(new URL(page.url()).pathname).toBe('/staff/sign-in');

      // A role the pages are not for gets the one page that says so.
      const moderator = { ...auditor, email: 'moderator@northshire.example' };
      expect((await context.request.post(appUrl(t, '/api/auth/sign-in'), { data: moderator })).status()).toBe(200);
      const refused = await page.goto(appUrl(t, '/audit/decisions?lang=en'));
      expect(refused!.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('This page is not for your role');
      await check('not for your role, no JavaScript');
    } finally {
      await context.close();
      await checking.close();
    }
  }, 120_000);
});

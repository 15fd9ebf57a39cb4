import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { BoardYear } from '#demo';
import {
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
});

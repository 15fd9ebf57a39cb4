import type { Browser, Page } from 'playwright-core';
import { ProjectionRunner } from '#event-store';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
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

// A chair reads the dashboard (figures, three charts each with the table of its figures, actions, "You
// said, we did") on a year of the demo board; a safeguarding lead acknowledges a case; a chair opening
// the safeguarding queue is told it is not for their role. 0 axe violations on every state.
// Issue 23: each role's navigation shows only what it may use, and Sign out; a page not for the role is
// the one "not for your role" page; dates in one style; charts name themes, count in whole numbers and
// read at 360 px.

/** The entries of the staff header's navigation the signed-in person sees. */
const navigation = (page: Page) => page.locator('.site-nav li:visible').allInnerTexts();

/** A date on a staff page: "7 December 2026", or "7 December 2026 at 3:05pm" (GOV.UK, London time). */
const DATE =
  /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
/** Dates in any other style: 2026-12-07, 07/12/2026, 7 Dec 2026, or a 24-hour time. */
const OTHER_DATES =
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \d{4}\b|\b\d{1,2}:\d{2}(?![:\d]|[ap]m)/;

const TEST = 'dashboard';

describe('dashboard and safeguarding queue in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let year: BoardYear;

  beforeAll(async () => {
    ({ t, year } = await startTestAppWithBoardYear({ prefix: 'db', seed: 11 }));
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const signInAt = (page: Page, path: string, role: string) => signInThroughPage(t, page, path, role);

  it.each(VIEWPORTS)(
    'a chair sees the figures, three charts with their tables, and the actions (%o)',
    async (viewport) => {
      const { page, context, urls } = await openPage(browser, viewport);
      try {
        await signInAt(page, '/staff/dashboard', 'chair');
        await page.locator('#chart-list figure').nth(2).waitFor();
        expect(await page.locator('#chart-list figure svg[role="img"]').count()).toBe(3);
        expect(await page.locator('#chart-list figure details table').count()).toBe(3);
        expect(await page.locator('#chart-list figure h3').allTextContents()).toEqual([
          'Views by theme',
          'Decisions with and without children’s views',
          'Time to feedback',
        ]);
        // The figures shown are the year's own.
        const figures = await page.locator('#figures').textContent();
        expect(figures).toContain(`Decisions recorded${year.facts.decisions.total}`);
        expect(await page.locator('#themes h3').count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, 'dashboard');

        // A chair's navigation: the board's pages and Sign out; not moderation, safeguarding, audit or admin.
        expect(await navigation(page)).toEqual(['Home', 'Meetings', 'Actions', 'Dashboard', 'Sign out']);
        expect(await page.locator('.site-nav a[aria-current="page"]').innerText()).toBe('Dashboard');

        // The charts name themes as the board does (never a code), count in whole numbers, and are drawn
        // at their own size at 360 px (not shrunk to unreadable text), the page not scrolling sideways.
        const board = (
          await t.request('GET', '/api/board', { token: await t.signIn('chair@northshire.example') })
        ).json<{
          themes: Array<{ code: string; label: string }>;
        }>();
        const svgTexts = (i: number) => page.locator('#chart-list figure svg').nth(i).locator('text').allTextContents();
        const byTheme = (await svgTexts(0)).join(' | ');
        expect(board.themes.filter((th) => byTheme.includes(th.label)).length).toBeGreaterThan(1);
        // ("health" is both a code and a word of a name: the codes with hyphens are the ones to miss.)
        for (const th of board.themes.filter((x) => x.code.includes('-'))) expect(byTheme).not.toContain(th.code);
        const themeCells = await page.locator('#chart-list figure').first().locator('tbody th').allTextContents();
        expect(themeCells.every((cell) => board.themes.some((th) => th.label === cell))).toBe(true);
        for (let i = 0; i < 3; i++) {
          const numbers = (await svgTexts(i)).filter((text) => /^[\d.,]+$/.test(text));
          expect(numbers.length).toBeGreaterThan(0);
          for (const n of numbers) expect(n).toMatch(/^\d+$/);
        }
        const scales = await page
          .locator('#chart-list figure svg')
          .evaluateAll((svgs) =>
            svgs.map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width'))),
          );
        for (const scale of scales) expect(scale).toBeGreaterThanOrEqual(viewport.width === 360 ? 0.98 : 1);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);

        // Dates in the one style only.
        const words = await page.locator('main').innerText();
        expect(words).toMatch(DATE);
        expect(words).not.toMatch(OTHER_DATES);

        // A keyboard user opens a chart's table of figures.
        const summary = page.locator('#chart-list details summary').nth(1);
        await tabTo(page, summary, 200);
        await page.keyboard.press('Enter');
        const rows = page.locator('#chart-list details').nth(1).locator('tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, 'dashboard, a chart’s figures open');
        await screenshot(page, TEST, 'chair');

        // A period: the page's own URL stays the same (the dates go to the API only).
        await page.locator('#from').fill(`${year.meetings[0]!.on}`);
        await page.locator('#to').fill(`${year.meetings[1]!.on}`);
        await page.locator('#show-period').click();
        await page.locator('#status', { hasText: 'Showing' }).waitFor();
        await expectNoAxeViolations(page, 'dashboard for a period');
        expect(new URL(page.url()).search).toBe('');
        for (const seen of urls) expect(seen).not.toMatch(/token|password|eyJ/i);
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it.each(VIEWPORTS)(
    'a safeguarding lead acknowledges a case, then records its outcome with a reason (%o)',
    async (viewport) => {
      // A young person says they are not safe: the screen withholds the view and a case opens for the lead.
      const sent = await t.request('POST', '/api/public/boards/northshire/views', {
        body: { text: 'I don’t feel safe at home at the moment.' },
      });
      expect(sent.status).toBe(201);
      await t.app.get(SafeguardingCaseOpener).waitForIdle();
      await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 30_000 });

      const { page, context, urls, bodies } = await openPage(browser, viewport);
      try {
        await signInAt(page, '/staff/safeguarding', 'safeguarding');
        await page.locator('#status', { hasText: 'open' }).waitFor();
        await page.locator('#cases li').first().waitFor();
        await expectNoAxeViolations(page, 'safeguarding queue');
        expect(await navigation(page)).toEqual(['Home', 'Safeguarding', 'Sign out']);
        const cases = await page.locator('#cases').innerText();
        expect(cases).toMatch(new RegExp(`${DATE.source} at \\d{1,2}(:\\d{2})?[ap]m`));
        expect(cases).not.toMatch(OTHER_DATES);
        await screenshot(page, TEST, 'safeguarding');

        const acknowledge = page.locator('#cases button', { hasText: 'Acknowledge this case' }).first();
        const openBefore = await page.locator('#cases button', { hasText: 'Acknowledge this case' }).count();
        expect(openBefore).toBeGreaterThan(0);
        await tabTo(page, acknowledge, 200);
        await page.keyboard.press('Enter');
        await page.locator('#status', { hasText: 'Case acknowledged' }).waitFor();
        expect(await page.locator('#cases button', { hasText: 'Acknowledge this case' }).count()).toBe(openBefore - 1);
        const record = page.locator('#cases button', { hasText: 'Record the outcome' }).first();
        await record.waitFor();
        await expectNoAxeViolations(page, 'safeguarding case acknowledged');

        // An outcome without a reason: the error is linked to the field; then with one, the case closes.
        const form = page
          .locator('#cases form')
          .filter({ has: page.locator('button', { hasText: 'Record the outcome' }) })
          .first();
        await form.locator('input[value="advice-given"]').check();
        await form.locator('button').click();
        await form.locator('.error-summary:not([hidden])').waitFor();
        await expectNoAxeViolations(page, 'safeguarding outcome refused');
        await form.locator('textarea[name="reason"]').fill('Spoke with the social worker; support in place.');
        await form.locator('button').click();
        await page.locator('#status', { hasText: 'Outcome recorded' }).waitFor();
        await expectNoAxeViolations(page, 'safeguarding outcome recorded');
        for (const seen of urls) expect(seen).not.toMatch(/token|password|eyJ|social worker/i);
        expect(bodies.some((b) => b.includes('advice-given'))).toBe(true);
      } finally {
        await context.close();
      }
    },
    90_000,
  );

  it('puts an overdue case first and says "Overdue" in words', async () => {
    const sent = await t.request('POST', '/api/public/boards/northshire/views', {
      body: { text: 'i dont feel safe at home anymore' },
    });
    expect(sent.status).toBe(201);
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 30_000 });
    const before = t.clock.now();
    // A day later nobody has acknowledged it.
    t.clock.set(new Date(before.getTime() + 86_400_000));
    const { page, context } = await openPage(browser, VIEWPORTS[0]);
    try {
      await signInAt(page, '/staff/safeguarding', 'safeguarding');
      const first = page.locator('#cases > li').first();
      await first.waitFor();
      expect(await first.locator('.overdue-warning').textContent()).toContain('Overdue');
      expect(await page.locator('#status').textContent()).toMatch(/[1-9]\d* overdue/);
      await expectNoAxeViolations(page, 'safeguarding queue with an overdue case');
      await screenshot(page, TEST, 'safeguarding-overdue');
    } finally {
      await context.close();
      t.clock.set(before);
    }
  }, 60_000);

  it('shows a chair the one "not for your role" page for the safeguarding queue and for staff accounts', async () => {
    const { page, context, urls } = await openPage(browser, VIEWPORTS[0]);
    try {
      await signInAt(page, '/staff/safeguarding', 'chair');
      for (const path of ['/staff/safeguarding', '/staff/accounts']) {
        if (path !== '/staff/safeguarding') await page.goto(appUrl(t, path));
        await page.locator('h1', { hasText: 'This page is not for your role' }).waitFor();
        expect(await page.title()).toBe('This page is not for your role – Corporate Parenting Board');
        expect(await page.locator('main a').getAttribute('href')).toBe('/staff/');
        expect(await page.locator('#cases, #accounts').count()).toBe(0);
        expect(await navigation(page)).toEqual(['Home', 'Meetings', 'Actions', 'Dashboard', 'Sign out']);
        await expectNoAxeViolations(page, `${path}, not for this role`);
      }
      // The page asked the API nothing it may not have.
      expect(urls.filter((u) => /\/api\/(safeguarding|staff\/accounts)/.test(u))).toEqual([]);

      await page.locator('#sign-out').click();
      await page.waitForURL(/\/staff\/sign-in$/);
      expect(await page.evaluate("sessionStorage.getItem('cpb.staff-session')")).toBeNull();
    } finally {
      await context.close();
    }
  }, 60_000);
});

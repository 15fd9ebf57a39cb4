import type { Browser, Page } from 'playwright-core';
import { ProjectionRunner } from '#event-store';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
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

// A chair reads the dashboard (figures, three charts each with the table of its figures, actions, "You
// said, we did") on a year of the demo board; a safeguarding lead acknowledges a case; a chair opening
// the safeguarding queue is told it is not for their role. 0 axe violations on every state.

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
          'Views by theme over time',
          'Decisions with and without children’s views',
          'Time to feedback',
        ]);
        // The figures shown are the year's own.
        const figures = await page.locator('#figures').textContent();
        expect(figures).toContain(`Decisions recorded${year.facts.decisions.total}`);
        expect(await page.locator('#themes h3').count()).toBeGreaterThan(0);
        await expectNoAxeViolations(page, 'dashboard');

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

  it('tells a chair the safeguarding queue is not for their role', async () => {
    const { page, context } = await openPage(browser, VIEWPORTS[0]);
    try {
      await signInAt(page, '/staff/safeguarding', 'chair');
      await page.locator('#not-for-role:not([hidden])').waitFor();
      expect(await page.locator('#cases li').count()).toBe(0);
      await expectNoAxeViolations(page, 'safeguarding queue, not for this role');
    } finally {
      await context.close();
    }
  }, 60_000);
});

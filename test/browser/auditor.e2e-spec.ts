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
// decision's history from the list, travel back to before its amendment and see it as it stood, and
// save the signed export bundle (fetched with the token, never in a URL). 0 axe violations on every state.

const TEST = 'auditor';

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
        await page.locator('#decisions a').first().waitFor();
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

        // Open the amended decision from the list.
        const link = page.locator(`#decisions a[href="/audit/decisions/${amended}"]`);
        await tabTo(page, link, 200);
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === `/audit/decisions/${amended}`);
        await page
          .locator('#timeline li')
          .nth(history.events.length - 1)
          .waitFor();
        const titles = await page.locator('#timeline .event-title').allTextContents();
        expect(titles).toContain('The decision was recorded');
        expect(titles).toContain('The decision was amended by a later decision');
        await page.locator('#then-facts', { hasText: 'Amendment 1' }).waitFor();
        await expectNoAxeViolations(page, 'decision history, now');
        await screenshot(page, TEST, 'decision-now');

        // Back in time: the end of the day it was recorded, before the amendment.
        await tabTo(page, page.locator('#asAtDate'), 200);
        await page.locator('#asAtDate').fill(recordedOn);
        await page.locator('#asAtTime').fill('23:59:59');
        await tabTo(page, page.locator('#show-as-at'));
        await page.keyboard.press('Enter');
        await page.locator('#then-title', { hasText: 'As it stood at' }).waitFor();
        const then = await page.locator('#then-facts').textContent();
        expect(then).toContain('Amendmentsnone');
        expect(then).not.toContain('Amendment 1');
        expect(await page.locator('#knew-counts').textContent()).toContain('Views tabled');
        await expectNoAxeViolations(page, 'decision as it stood');
        await screenshot(page, TEST, 'decision-then');

        // A date before the decision existed: a clear error, not a blank page.
        await page.locator('#asAtDate').fill('2000-01-01');
        await page.locator('#show-as-at').click();
        await page.locator('#error-summary:not([hidden])').waitFor();
        await expectNoAxeViolations(page, 'decision before it existed');

        // Nothing but ids of decisions in the page's URLs; the moment went to the API only.
        expect(new URL(page.url()).search).toBe('');
        for (const seen of urls) expect(seen).not.toMatch(/token|password|eyJ/i);
        for (const seen of urls.filter((u) => !new URL(u).pathname.startsWith('/api/'))) {
          expect(seen).not.toContain('asAt');
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
      await page.locator('#timeline .event-title', { hasText: 'The meeting was scheduled' }).first().waitFor();
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
      expect(await page.locator('#then-facts').textContent()).not.toContain('Statusclosed');
      await expectNoAxeViolations(page, 'meeting as it stood');
      await screenshot(page, TEST, 'meeting-then');
    } finally {
      await context.close();
    }
  }, 60_000);
});

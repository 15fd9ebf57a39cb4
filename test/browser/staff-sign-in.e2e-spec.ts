import type { Browser } from 'playwright-core';
import {
  appUrl,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  screenshot,
  tabTo,
  VIEWPORTS,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Staff sign in by keyboard, land on their work (links for their role only), and sign out; a staff
// page opened without a session sends them to sign in and back. The token never appears in a URL.

const TEST = 'staff-sign-in';

describe('staff sign-in in the browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const url = (path: string) => appUrl(t, path);

  it.each(VIEWPORTS)(
    'a moderator signs in and sees only their own work (%o)',
    async (viewport) => {
      const { page, urls, context } = await openPage(browser, viewport);
      try {
        await page.goto(url('/staff/'));
        await page.waitForURL(/\/staff\/sign-in\?next=%2Fstaff%2F$/);
        await expectNoAxeViolations(page, 'sign-in');
        await screenshot(page, TEST, `sign-in-${viewport.width}`);

        // A wrong password: an accessible error summary, focus on it.
        await tabTo(page, page.locator('#tenant'));
        await page.keyboard.type('northshire');
        await page.keyboard.press('Tab');
        await page.keyboard.type('moderator@northshire.example');
        await page.keyboard.press('Tab');
        await page.keyboard.type('not-the-password');
        await page.keyboard.press('Enter');
        await page.locator('#error-summary:not([hidden])').waitFor();
        await expectNoAxeViolations(page, 'sign-in refused');

        await page.locator('#password').fill('demo-board-2026');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/staff\/$/);

        await page.locator('#links li').first().waitFor();
        const links = await page.locator('#links a').allTextContents();
        expect(links.some((l) => l.startsWith('Moderation queue'))).toBe(true);
        expect(links.some((l) => l.startsWith('Safeguarding'))).toBe(false);
        await expectNoAxeViolations(page, 'staff home');
        await screenshot(page, TEST, `home-${viewport.width}`);

        await tabTo(page, page.locator('#sign-out'));
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/staff\/sign-in$/);
        expect(await page.evaluate("sessionStorage.getItem('cpb.staff-session')")).toBeNull();
        for (const seen of urls) expect(seen).not.toMatch(/token|password|eyJ/i);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});

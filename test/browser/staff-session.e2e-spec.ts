import type { Browser, Page } from 'playwright-core';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, VIEWPORTS } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Sessions that keep work (issue 23, WCAG 2.2.1 "timing adjustable"): a staff page left alone warns two
// minutes before the session's token ends and can extend it; a page in use slides the session on; and
// when a session ends anyway, what was typed comes back after signing in again. The page's clock is
// Playwright's, so minutes pass in an instant; the server checks every token itself.

describe('staff sessions that keep work', () => {
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

  async function signIn(page: Page, next: string): Promise<void> {
    await page.goto(appUrl(t, `/staff/sign-in?next=${encodeURIComponent(next)}`));
    await page.locator('#tenant').fill('northshire');
    await page.locator('#email').fill('clerk@northshire.example');
    await page.locator('#password').fill('demo-board-2026');
    await page.locator('#password').press('Enter');
    await page.waitForURL((url) => url.pathname === next);
  }

  // Evaluated in the page (as text: this file is compiled without the DOM's types).
  const session = (page: Page) =>
    page.evaluate<{ token: string; endsAt: number }>("JSON.parse(sessionStorage.getItem('cpb.staff-session'))");

  it.each(VIEWPORTS)(
    'warns two minutes before the token ends, and "Stay signed in" renews it (%o)',
    async (viewport) => {
      const { page, context } = await openPage(browser, viewport);
      try {
        await page.clock.install();
        await signIn(page, '/staff/meetings');
        const first = await session(page);
        await page.locator('#title').fill('Placement stability review');

        // Nothing at 12 minutes; the warning at 13 (the token lasts 15), with at least 20 seconds to act.
        await page.clock.fastForward('12:00');
        expect(await page.locator('#session-warning').count()).toBe(0);
        await page.clock.fastForward('01:05');
        const warning = page.getByRole('alertdialog', { name: 'You will be signed out soon' });
        await warning.waitFor();
        await expect(warning.textContent()).resolves.toMatch(/signed out in 2 minutes/);
        await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe('Stay signed in');
        await expectNoAxeViolations(page, 'session warning');

        const renewed = page.waitForResponse((r) => r.url().endsWith('/api/auth/renew') && r.status() === 200);
        await page.keyboard.press('Enter');
        await renewed;
        await warning.waitFor({ state: 'detached' });
        // The token now ends 15 minutes after the renewal, 13 minutes later than the first one did.
        const second = await session(page);
        expect(second.endsAt - first.endsAt).toBeGreaterThanOrEqual(13 * 60_000);
        // The typed title is untouched, and the page goes on working with the new token.
        await expect(page.locator('#title').inputValue()).resolves.toBe('Placement stability review');
        expect((await t.request('GET', '/api/auth/me', { token: second.token })).status).toBe(200);
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('keeps what was typed when the session ended, and puts it back after signing in again', async () => {
    const { page, context, urls } = await openPage(browser, VIEWPORTS[1]);
    try {
      await signIn(page, '/staff/meetings');
      await page.locator('#title').fill('Care leavers housing');
      await page.locator('#place').fill('Committee room 2');
      // The session ends (here: the token is spoiled, as an expired or revoked one is refused).
      await page.evaluate(`(() => {
        const session = JSON.parse(sessionStorage.getItem('cpb.staff-session'));
        sessionStorage.setItem('cpb.staff-session', JSON.stringify({ ...session, token: session.token + 'x' }));
      })()`);
      await page.locator('#schedule-form button[type="submit"], #schedule-form button:not([type])').first().click();
      await page.waitForURL(/\/staff\/sign-in\?next=%2Fstaff%2Fmeetings$/);

      await page.locator('#tenant').fill('northshire');
      await page.locator('#email').fill('clerk@northshire.example');
      await page.locator('#password').fill('demo-board-2026');
      await page.locator('#password').press('Enter');
      await page.waitForURL((url) => url.pathname === '/staff/meetings');
      await page.locator('#kept-work').waitFor();
      await expect(page.locator('#title').inputValue()).resolves.toBe('Care leavers housing');
      await expect(page.locator('#place').inputValue()).resolves.toBe('Committee room 2');
      await expectNoAxeViolations(page, 'work kept after signing in again');
      // Kept in the tab only, and never in an address.
      expect(urls.join('\n')).not.toContain('Care leavers housing');
      expect(await page.evaluate("sessionStorage.getItem('cpb.kept-work')")).toBeNull();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('renews a session over the API (the longest a session slides is checked in token-service.spec), and not without a token', async () => {
    const signedIn = await t.request('POST', '/api/auth/sign-in', {
      body: { tenant: 'northshire', email: 'clerk@northshire.example', password: 'demo-board-2026' },
    });
    const session = signedIn.json() as { token: string; expiresInSeconds: number; sessionSecondsLeft: number };
    expect(session).toMatchObject({ expiresInSeconds: 900, sessionSecondsLeft: 43_200 });
    const renewed = await t.request('POST', '/api/auth/renew', { token: session.token, body: {} });
    expect(renewed.status).toBe(200);
    expect(renewed.json()).toMatchObject({ expiresInSeconds: 900, sessionSecondsLeft: 43_200 });
    expect((await t.request('POST', '/api/auth/renew', { body: {} })).status).toBe(401);
  });
});

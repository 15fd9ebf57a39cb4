import type { Browser } from 'playwright-core';
import { totpCode } from '#identity';
import { appUrl, expectNoAxeViolations, launchBrowser, openPage, screenshot, VIEWPORTS } from '../support/browser.js';
import { startCouncilProvider, type CouncilProvider } from '../support/oidc-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 7 in the browser: a member of staff sets up a second factor (scan or type the key, confirm a
// code), then signs in with password and code; another signs in through their council's provider.
// No token, key or code ever appears in a URL.

const TEST = 'second-factor';

describe('second factor and council sign-in in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let council: CouncilProvider;

  beforeAll(async () => {
    council = await startCouncilProvider();
    t = await startTestApp({
      SECOND_FACTOR: 'required',
      RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000',
      OIDC_PROVIDERS: JSON.stringify([
        council.connection('northshire', { roleClaim: 'groups', roleMap: { 'cpb-chairs': 'chair' } }),
      ]),
    });
    council.registerBoard('northshire', new URL(appUrl(t, '/')).origin);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await council?.close();
  });

  const url = (path: string) => appUrl(t, path);

  it('sets up a second factor, then signs in with password and code', async () => {
    const { page, urls, context } = await openPage(browser, VIEWPORTS[0]!);
    try {
      await page.goto(url('/staff/sign-in'));
      await page.locator('#tenant').fill('northshire');
      await page.locator('#email').fill('chair@northshire.example');
      await page.locator('#password').fill('demo-board-2026');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/second-factor$/);
      await page.locator('#qr-code img').waitFor();
      await expectNoAxeViolations(page, 'second factor set-up');
      await screenshot(page, TEST, 'set-up');

      const secret = (await page.locator('#secret').textContent())!.replace(/\s+/g, '');
      await page.locator('#code').fill('000000');
      await page.keyboard.press('Enter');
      await page.locator('#error-summary:not([hidden])').waitFor();
      await page.locator('#code').fill(totpCode(secret, t.clock.now()));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/$/);
      await page.locator('#links li').first().waitFor();

      // Next time: the password, then the code the page asks for.
      await page.locator('#sign-out').click();
      await page.waitForURL(/\/staff\/sign-in$/);
      t.clock.advance(30_000);
      await page.locator('#tenant').fill('northshire');
      await page.locator('#email').fill('chair@northshire.example');
      await page.locator('#password').fill('demo-board-2026');
      await page.keyboard.press('Enter');
      await page.locator('#code-group:not([hidden])').waitFor();
      expect(await page.evaluate('document.activeElement.id')).toBe('code');
      await expectNoAxeViolations(page, 'sign-in asking for the code');
      await page.keyboard.type(totpCode(secret, t.clock.now()));
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/staff\/$/);
      for (const seen of urls) expect(seen).not.toMatch(new RegExp(`token|password|eyJ|${secret}`, 'i'));
    } finally {
      await context.close();
    }
  }, 60_000);

  it("signs in through the council's own sign-in page", async () => {
    council.accounts.set('r.patel', {
      email: 'r.patel@northshire.example',
      email_verified: true,
      name: 'Rina Patel',
      groups: ['cpb-chairs'],
    });
    council.accounts.set('visitor', { email: 'visitor@elsewhere.example', email_verified: true, groups: [] });
    const { page, urls, context } = await openPage(browser, VIEWPORTS[0]!);
    try {
      for (const login of ['visitor', 'r.patel']) {
        await context.clearCookies(); // a new person at the council's sign-in
        await page.goto(url('/staff/sign-in'));
        await page.locator('#tenant').fill('northshire');
        await page.locator('#council-sign-in').click();
        // The council's pages (oidc-provider's own): log in, then continue.
        await page.locator('input[name="login"]').waitFor();
        await page.locator('input[name="login"]').fill(login);
        await page.locator('input[name="password"]').fill('any');
        await page.locator('button[type="submit"]').click();
        await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
        if (login === 'visitor') {
          await page.waitForURL(/\/staff\/sign-in\?council=no-role$/);
          await page.locator('#council-message:not([hidden])').waitFor();
          expect(await page.locator('#council-message').textContent()).toContain('no role on this board');
          await expectNoAxeViolations(page, 'council sign-in refused');
        }
      }
      await page.waitForURL(/\/staff\/$/);
      await page.locator('#links li').first().waitFor();
      const session = JSON.parse((await page.evaluate("sessionStorage.getItem('cpb.staff-session')")) as string);
      expect(session).toMatchObject({ tenant: 'northshire', roles: ['chair'], displayName: 'Rina Patel' });
      for (const seen of urls.filter((u) => u.startsWith(url('/')))) expect(seen).not.toMatch(/token=|eyJ/i);
    } finally {
      await context.close();
    }
  }, 60_000);
});

import type { Browser } from 'playwright-core';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  notice,
  screenshot,
  signedInTab,
  VIEWPORTS,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ViewFixture } from '../voice/staff-support.js';

// Issue 17: the access log page for auditors and admins (who read a view's words, when and why, filtered
// by view and person) and the staff accounts page for admins (disable, enable, roles). 0 axe violations;
// no filter and no word of a view ever in an address.

const TEST = 'access-log-accounts';
const WORDS = 'I would like a key to my own room at my placement.';

describe('the access log and staff accounts pages', () => {
  let t: TestApp;
  let browser: Browser;
  let viewId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000' });
    const views = new ViewFixture(t);
    const tenantId = (
      await t.request('GET', '/api/auth/me', { token: await t.signIn('admin@northshire.example') })
    ).json<{
      tenantId: string;
    }>().tenantId;
    viewId = await views.submit(tenantId, WORDS);
    await views.caughtUp();
    // The moderator reads the view's words.
    await t.request('GET', '/api/moderation/queue', { token: await t.signIn('moderator@northshire.example') });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(VIEWPORTS)(
    'shows an auditor who read a view, and filters by that view and that person (%o)',
    async (viewport) => {
      const { page, context, urls } = await signedInTab(t, browser, 'auditor', viewport);
      try {
        await page.goto(appUrl(t, '/audit/access-log'));
        const rows = page.locator('#entries tbody tr');
        await eventually(async () => expect(await rows.count()).toBeGreaterThan(0));
        const moderatorRow = rows.filter({ hasText: 'Morgan Lee (Participation)' }).first();
        await expect(moderatorRow.textContent()).resolves.toContain(
          'Moderation: checking views before they reach the board',
        );
        await expectNoAxeViolations(page, 'access log');
        await screenshot(page, TEST, 'access-log');

        await moderatorRow.getByRole('button', { name: `Show only reads of view ${viewId}` }).click();
        await eventually(async () => expect(await page.locator('#view-id').inputValue()).toBe(viewId));
        await eventually(async () => {
          const texts = await rows.allTextContents();
          expect(texts.length).toBeGreaterThan(0);
          for (const text of texts) expect(text).toContain(viewId);
        });
        await page.getByRole('button', { name: 'Show only reads by Morgan Lee (Participation)' }).first().click();
        await eventually(async () => {
          const texts = await rows.allTextContents();
          expect(texts.length).toBe(1);
          expect(texts[0]).toContain('Morgan Lee (Participation)');
        });
        expect(await page.content()).not.toContain(WORDS);
        // The filters went to the API in the address (ids only); the page's own address never changed.
        expect(urls.filter((u) => new URL(u).pathname.startsWith('/audit/')).every((u) => !u.includes('?'))).toBe(true);
      } finally {
        await context.close();
      }
    },
    60_000,
  );

  it('lets an admin disable an account, enable it again and change its roles', async () => {
    const { page, context } = await signedInTab(t, browser, 'admin', VIEWPORTS[1]);
    try {
      await page.goto(appUrl(t, '/staff/accounts'));
      const clerk = page.locator('section.entry', { has: page.getByRole('heading', { name: 'Chris Clerk' }) });
      await clerk.waitFor();
      await expectNoAxeViolations(page, 'staff accounts');
      await screenshot(page, TEST, 'staff-accounts');

      await clerk.getByRole('button', { name: 'Disable this account' }).click();
      await notice(page, 'Chris Clerk’s account is disabled');
      const clerkToken = await t.request('POST', '/api/auth/sign-in', {
        body: { tenant: 'northshire', email: 'clerk@northshire.example', password: 'demo-board-2026' },
      });
      expect(clerkToken.status).toBe(401);
      await clerk.getByRole('button', { name: 'Enable this account again' }).click();
      await notice(page, 'Chris Clerk’s account is enabled again');

      await clerk.getByText('Change Chris Clerk’s roles').click();
      await clerk.getByLabel('Officer').check();
      await clerk.getByRole('button', { name: 'Save roles' }).click();
      await notice(page, 'Chris Clerk’s roles are now: Clerk, Officer');

      // The admin's own account cannot be disabled from here, and the last admin stays one (the API says why).
      const admin = page.locator('section.entry', { has: page.getByRole('heading', { name: 'Alex Admin' }) });
      await expect(admin.getByRole('button', { name: 'Disable this account' }).isDisabled()).resolves.toBe(true);
      await admin.getByText('Change Alex Admin’s roles').click();
      await admin.getByLabel('Admin: accounts and settings').uncheck();
      await admin.getByLabel('Auditor').check();
      await admin.getByRole('button', { name: 'Save roles' }).click();
      await eventually(async () =>
        expect(await admin.getByRole('alert', { name: 'There is a problem' }).innerText()).toContain(
          'at least one active admin',
        ),
      );
      await expectNoAxeViolations(page, 'staff accounts with an error');
    } finally {
      await context.close();
    }
  }, 60_000);
});

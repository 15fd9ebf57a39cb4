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

// Issue 18 (the voice loop's settings, which had only an API): a board's admin sets, on a page, the
// council's number young people see beside Childline and 999, the reading age above which an answer
// needs its sender's reason, and the working days within which a person reads each view. A value the
// board's rules refuse is shown in an error summary linked to its field, and changes nothing. Young
// people then see the number; other roles are told the page is not theirs. 0 axe violations.

const TEST = 'staff-settings';

describe('the settings page for young people’s views', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '1000' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const settings = async () =>
    (await t.request('GET', '/api/staff/voice-settings', { token: await t.signIn('admin@northshire.example') })).json<{
      councilPhone: string | null;
      answers: { readingAge: number };
      moderation: { moderationWindowWorkingDays: number };
    }>();

  it.each(VIEWPORTS)(
    'lets an admin set each one, and refuses what the rules do not allow (%o)',
    async (viewport) => {
      const { page, context, urls } = await signedInTab(t, browser, 'admin', viewport);
      try {
        await page.goto(appUrl(t, '/staff/'));
        await page.getByRole('link', { name: /Settings for young people’s views/ }).click();
        await page.waitForURL('**/staff/settings');
        await eventually(async () => expect(await page.locator('#readingAge').inputValue()).toBe('11'));
        expect(await page.locator('#moderationWindowWorkingDays').inputValue()).toBe('2');
        await expectNoAxeViolations(page, 'settings');
        await screenshot(page, TEST, `settings-${viewport.width}`);

        // A phone number that is not one: refused in words, linked to the field; nothing changes.
        await page.locator('#phone').fill('call us at the office');
        await page.getByRole('button', { name: 'Save the phone number' }).click();
        const phoneErrors = page.locator('#phone-errors');
        await phoneErrors.waitFor({ state: 'visible' });
        expect(await phoneErrors.innerText()).toContain('There is a problem');
        expect(await page.locator('#phone').getAttribute('aria-invalid')).toBe('true');
        await expectNoAxeViolations(page, 'settings: phone refused');
        expect((await settings()).councilPhone).toBeNull();

        await page.locator('#phone').fill('0191 433 3000');
        await page.getByRole('button', { name: 'Save the phone number' }).click();
        await notice(page, 'Young people now see the council’s number, 0191 433 3000.');
        expect((await settings()).councilPhone).toBe('0191 433 3000');

        // A reading age outside the board's bounds: refused; then one inside them.
        await page.locator('#readingAge').fill('40');
        await page.getByRole('button', { name: 'Save the reading age' }).click();
        await page.locator('#reading-age-errors').waitFor({ state: 'visible' });
        expect((await settings()).answers.readingAge).toBe(11);
        await page.locator('#readingAge').fill('10');
        await page.getByRole('button', { name: 'Save the reading age' }).click();
        await notice(page, 'An answer above reading age 10 now needs its sender’s reason.');
        expect((await settings()).answers.readingAge).toBe(10);

        await page.locator('#moderationWindowWorkingDays').fill('3');
        await page.getByRole('button', { name: 'Save the working days' }).click();
        await notice(page, 'A person now reads each view within 3 working days.');
        expect((await settings()).moderation.moderationWindowWorkingDays).toBe(3);
        await expectNoAxeViolations(page, 'settings: saved');

        // Young people are told the number once they have given a view.
        const given = await t.request('POST', '/api/public/boards/northshire/views', {
          body: { text: `Synthetic words for the settings page, ${viewport.width}.` },
        });
        expect(given.json<{ whatHappensNext: string }>().whatHappensNext).toContain(
          'call the council on 0191 433 3000',
        );
        // Nothing typed went in an address.
        for (const address of urls) expect(decodeURIComponent(address)).not.toMatch(/0191|office/);
      } finally {
        await context.close();
        // The next viewport starts from the defaults again.
        const token = await t.signIn('admin@northshire.example');
        await t.request('PUT', '/api/staff/voice-settings/council-phone', { token, body: { phone: null } });
        await t.request('PUT', '/api/staff/voice-settings/answer-reading-age', { token, body: { readingAge: 11 } });
        await t.request('PUT', '/api/staff/voice-settings/moderation-window', {
          token,
          body: { moderationWindowWorkingDays: 2, moderationLead: null },
        });
      }
    },
    120_000,
  );

  it('tells another role the page is not theirs, and shows it no link', async () => {
    const { page, context } = await signedInTab(t, browser, 'clerk', VIEWPORTS[1]);
    try {
      await page.goto(appUrl(t, '/staff/'));
      await page.locator('#links li').first().waitFor();
      expect(await page.locator('#links').innerText()).not.toContain('Settings for young people’s views');
      expect(await page.locator('.site-nav').innerText()).not.toContain('Settings');
      await page.goto(appUrl(t, '/staff/settings'));
      // The one page every staff page shows a role it is not for (issue 23).
      await page.locator('h1', { hasText: 'This page is not for your role' }).waitFor();
      expect(await page.locator('main form').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

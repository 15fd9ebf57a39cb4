import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import { SHARING_EXPLAINED } from '#voice';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  notice,
  openPage,
  screenshot,
  signedInTab,
  tabTo,
  VIEWPORTS,
  type BrowserPage,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// "Summary only" and declining in real Chromium: the moderator writes the summary as they accept a view
// shared that way; its author reads it on Check my view (under the same words their form used) and asks
// for a change; the moderator rewrites it from "Summaries to write"; the author agrees. Another view is
// declined with a note its author reads by code. Every state has 0 axe violations; no URL carries a code,
// the words or the summary.

const TEST = 'summary-only';
const LONG = 600_000;

describe('summary only and declined views in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const tabs: BrowserPage[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  }, LONG);

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  const url = (path: string) => appUrl(t, path);
  const viewport = VIEWPORTS[0];

  async function give(text: string, sharing?: string): Promise<string> {
    const given = await t.request('POST', '/api/public/boards/northshire/views', {
      body: { text, themes: ['family-time'], ...(sharing ? { sharing } : {}) },
    });
    expect(given.status).toBe(201);
    return given.json<{ receiptCode: string }>().receiptCode;
  }

  // The server-rendered "Check my view": the code is typed and posted once, then the view page is shown.
  async function checkWith(page: Page, code: string): Promise<void> {
    await page.goto(url('/check'));
    await tabTo(page, page.locator('#receiptCode'));
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/check/view');
  }

  it(
    'the moderator summarises, the author asks for a change, the moderator rewrites, the author agrees',
    async () => {
      const words = 'Family time with my brother Kai is once a month at an office. Otter-kettle.';
      const code = await give(words);
      await caughtUp();

      // The young person's form says, for "summary only", exactly what the map says.
      const form = (await openPage(browser, viewport)).page;
      await form.goto(url('/boards/northshire/give-a-view'));
      expect(await form.locator('label[for="sharing-summary-only"]').innerText()).toBe(
        SHARING_EXPLAINED['summary-only'].choice,
      );
      expect(await form.locator('#sharing-summary-only-item-hint').innerText()).toContain(
        SHARING_EXPLAINED['summary-only'].board,
      );

      // The moderator accepts it with the summary the board will read, told what its author was told.
      const moderator = await signedInTab(t, browser, 'moderator', viewport);
      tabs.push(moderator);
      const page = moderator.page;
      await page.goto(url('/staff/moderation'));
      const card = page.locator('#queue section', { hasText: words });
      await card.waitFor();
      expect(await card.innerText()).toContain(SHARING_EXPLAINED['summary-only'].board);
      await card.locator('input[value="accept"]').check();
      await card.locator('textarea[name="summary"]:visible').fill('They see their brother once a month.');
      await expectNoAxeViolations(page, 'moderation: accept with a summary');
      await card.getByRole('button', { name: 'Confirm' }).click();
      await notice(page, 'View accepted');
      await screenshot(page, TEST, 'moderation-summarised');

      // The author reads it by code and asks for a change, with a message.
      const author = await openPage(browser, viewport);
      tabs.push(author);
      const check = author.page;
      await caughtUp();
      await checkWith(check, code);
      await check.locator('#summary:not([hidden])').waitFor();
      expect(await check.locator('#summary-text').innerText()).toBe('They see their brother once a month.');
      expect(await check.locator('#summary-who').innerText()).toBe(SHARING_EXPLAINED['summary-only'].board);
      await expectNoAxeViolations(check, 'check: the summary');
      await screenshot(check, TEST, 'check-summary');
      await check.locator('#summary-change').check();
      await check.locator('#summary-message').fill('Say it is not enough and the office is horrible.');
      await check.locator('#summary-form button[type=submit]').click();
      await notice(check, 'A worker will write the summary again');
      expect(await check.locator('#summary-answer').innerText()).toContain('asked for this summary to be changed');

      // The moderator finds it under "Summaries to write", with what its author said, and rewrites it.
      await caughtUp();
      await page.goto(url('/staff/moderation'));
      const waiting = page.locator('#summaries section', { hasText: words });
      await waiting.waitFor();
      expect(await waiting.innerText()).toContain('Say it is not enough and the office is horrible.');
      await expectNoAxeViolations(page, 'moderation: a summary to rewrite');
      await waiting
        .locator('textarea[name="text"]')
        .fill('Seeing their brother once a month is not enough, and an office is no place for it.');
      await waiting.getByRole('button', { name: 'Save the summary' }).click();
      await notice(page, 'Summary saved');
      await eventually(async () => expect(await page.locator('#summaries').innerText()).not.toContain(words));

      // The author reads the new version and agrees.
      await caughtUp();
      // "Look again for news": the view page, read again.
      await check.locator('#refresh').click();
      await eventually(async () =>
        expect(await check.locator('#summary-text').innerText()).toBe(
          'Seeing their brother once a month is not enough, and an office is no place for it.',
        ),
      );
      await check.locator('#summary-agree').check();
      await check.locator('#summary-form button[type=submit]').click();
      await notice(check, 'Thank you for checking the summary');
      expect(await check.locator('#summary-answer').innerText()).toContain('You said this summary is right');

      // No address ever held the code, the words or the summary.
      for (const tab of [moderator, author]) {
        for (const address of tab.urls) {
          expect(address).not.toContain(code);
          expect(decodeURIComponent(address)).not.toContain('Otter-kettle');
          expect(decodeURIComponent(address)).not.toContain('brother');
        }
      }
    },
    LONG,
  );

  it(
    'the moderator declines a view with a note; its author reads why by code',
    async () => {
      const words = 'Cheap trainers here, best deals, click now. Heron-lamp.';
      const code = await give(words, 'verbatim');
      await caughtUp();
      const moderator = await signedInTab(t, browser, 'moderator', viewport);
      tabs.push(moderator);
      const page = moderator.page;
      await page.goto(url('/staff/moderation'));
      const card = page.locator('#queue section', { hasText: words });
      await card.waitFor();
      await card.locator('input[value="decline"]').check();
      // Without a reason, refused in words.
      await card.locator('textarea[name="note"]').fill('This looked like an advert, so it will not go to the board.');
      await card.getByRole('button', { name: 'Confirm' }).click();
      await card.locator('.error-summary:not([hidden])').waitFor();
      expect(await card.locator('.error-summary').innerText()).toContain('Choose why you decline it');
      await expectNoAxeViolations(page, 'moderation: decline refused');
      await card.locator('select[name="reason"]').selectOption('spam');
      await card.getByRole('button', { name: 'Confirm' }).click();
      await notice(page, 'View declined');
      await eventually(async () => expect(await page.locator('#queue').innerText()).not.toContain(words));

      const author = await openPage(browser, viewport);
      tabs.push(author);
      await caughtUp();
      await checkWith(author.page, code);
      await author.page.locator('#declined:not([hidden])').waitFor();
      expect(await author.page.locator('#declined-note').innerText()).toBe(
        'This looked like an advert, so it will not go to the board.',
      );
      // The reason the moderator chose (spam), in the catalogue's words.
      expect(await author.page.locator('#declined-reason').innerText()).toBe('It looked like it was not a real view.');
      await expectNoAxeViolations(author.page, 'check: declined');
      await screenshot(author.page, TEST, 'check-declined');
    },
    LONG,
  );
});

import { ProjectionRunner } from '#event-store';
import type { Browser } from 'playwright-core';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  screenshot,
  tabTo,
  VIEWPORTS,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  EVIDENCE,
  FIRST_ANSWER,
  PROGRESS,
  RESOLUTION,
  runTheLoop,
  SECOND_ANSWER,
  WHY,
  WORDS,
  type Loop,
} from '../voice/closing-the-loop.fixture.js';

// Issue 18 in Chromium: after the loop has run through the API (closing-the-loop.fixture.ts), the young
// person reads it all on "Check my view" by code: what they said, what the board reads, each step with
// the meeting named, the decision with how much their view weighed and the chair's why, the action with
// its progress and dates, the latest answer with the earlier one, and who can help now. The public
// "You said, we did" links the answer to the decision's page, where the action's progress is told.

const TEST = 'closing-the-loop';

describe('the loop closed, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let loop: Loop;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    loop = await runTheLoop(t);
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const url = (path: string) => appUrl(t, path);

  for (const viewport of VIEWPORTS) {
    it(`reads what the view changed and what was done, by code, at ${viewport.width} px`, async () => {
      const tab = await openPage(browser, viewport);
      const { page } = tab;
      try {
        await page.goto(url('/check'));
        await tabTo(page, page.locator('#receiptCode'));
        await page.keyboard.type(loop.code.loop);
        await page.keyboard.press('Enter');
        await page.locator('#view').waitFor({ state: 'visible' });
        await eventually(async () => expect(await page.locator('#your-words').innerText()).toBe(WORDS));
        expect(await page.locator('#board-sees-explanation').innerText()).toBe(
          'The board reads your words as you wrote them.',
        );
        const journey = await page.locator('#journey').innerText();
        expect(journey).toContain(
          'Your view is on the agenda of the board meeting on 14 April 2026, in the part about “Changes of social worker”.',
        );
        expect(journey).toContain('Your view shaped this decision.');
        const changed = page.locator('#changed');
        await changed.waitFor({ state: 'visible' });
        const decision = await changed.innerText();
        for (const words of [
          'Your view shaped this decision.',
          WHY,
          RESOLUTION,
          'Write the rule into the practice guide for social workers.',
          'This was done on 20 May 2026.',
          `Update: ${PROGRESS}`,
          `Done: ${EVIDENCE}`,
        ]) {
          expect(decision).toContain(words);
        }
        expect(await page.locator('#feedback-text').innerText()).toBe(SECOND_ANSWER);
        expect(await page.locator('#earlier-answers').innerText()).toContain(FIRST_ANSWER);
        const help = await page.locator('#help-words').innerText();
        expect(help).toContain('Childline free on 0800 1111');
        expect(help).toContain('call the council on 0191 433 3000');
        expect(await page.locator('#view').innerText()).not.toMatch(/in touch/i);
        await expectNoAxeViolations(page, 'check: the loop closed');
        await screenshot(page, TEST, 'check-loop-closed');

        // The public page links the answer to the decision and its actions' progress.
        await page.goto(url('/boards/northshire/you-said-we-did'));
        const entry = page.locator('#entries article', { hasText: SECOND_ANSWER });
        await entry.waitFor({ state: 'visible' });
        expect(await entry.innerText()).toContain('All done: the board asked for 1 thing, and it is done.');
        await expectNoAxeViolations(page, 'you said, we did: with decisions');
        await screenshot(page, TEST, 'you-said-we-did-decisions');
        await tabTo(page, entry.getByRole('link', { name: RESOLUTION }));
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/boards/northshire/you-said-we-did/decisions/${loop.decisionId}`);
        await page.locator('#decision').waitFor({ state: 'visible' });
        expect(await page.locator('#resolution').innerText()).toBe(RESOLUTION);
        const done = await page.locator('#actions').innerText();
        expect(done).toContain('This was done on 20 May 2026.');
        expect(done).toContain(`Update: ${PROGRESS}`);
        expect(await page.locator('#answers').innerText()).toContain(SECOND_ANSWER);
        expect(await page.locator('main').innerText()).not.toContain(WORDS);
        await expectNoAxeViolations(page, 'you said, we did: a decision');
        await screenshot(page, TEST, 'you-said-we-did-decision');
        // Nothing personal in any address: the board's slug and the decision's id only.
        for (const address of tab.urls) {
          expect(decodeURIComponent(address)).not.toContain(loop.code.loop);
          expect(address).not.toContain(loop.id.loop);
        }
      } finally {
        await tab.context.close();
      }
    }, 120_000);
  }
});

import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import { estimateReadingAge } from '../../libs/voice/src/domain/reading-age/reading-age.js';
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
import {
  EVIDENCE,
  FIRST_ANSWER,
  NAMED,
  NAMED_WHY,
  PROGRESS,
  RESOLUTION,
  runTheLoop,
  SECOND_ANSWER,
  SHARED,
  SUMMARY,
  SUMMARY_WHY,
  SUMMARY_WORDS,
  WHY,
  WORDS,
  type Loop,
  type LoopView,
} from '../voice/closing-the-loop.fixture.js';

// Issue 18 in Chromium, once for each sharing choice (closing-the-loop.fixture.ts): three young people
// give their views on the board's page on a phone, choosing word for word, anonymised and summary only;
// a moderator accepts them on the moderation page, writing the summary of the third, whose author agrees
// to it on "Check my view". The board's steps (tabling, deciding, acting, answering) go through the API,
// as the board's own pages are not part of this issue. Each young person then reads it all on "Check my
// view" by code: what they said, what the board reads, each step with the meeting named, the decision
// with how much their view weighed and the chair's why, the action with its progress and dates, the
// latest answer with any earlier one, and who can help now. The public "You said, we did" links the
// answer to the decision's page, where the action's progress is told.

const TEST = 'closing-the-loop';

/**
 * Prints the Flesch-Kincaid reading age of the page's own words (what a young person or a worker wrote,
 * and the meeting's and agenda item's titles, are theirs, not the page's) and holds it at 9 or lower.
 */
async function expectReadingAge(page: Page, state: string): Promise<void> {
  let text = await page.locator('main').innerText();
  for (const words of await page.locator('main .cpb-words').allInnerTexts()) text = text.replace(words, '');
  for (const title of [
    '“Corporate Parenting Board, April”',
    '"Corporate Parenting Board, April"',
    '“Changes of social worker”',
  ])
    text = text.replaceAll(title, '');
  const estimate = estimateReadingAge(text);
  console.log(`reading age of "${state}": ${estimate.readingAge} (grade ${estimate.grade}, ${estimate.words} words)`);
  expect(estimate.readingAge).toBeLessThanOrEqual(9);
}

describe('the loop closed, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let loop: Loop;
  const tabs: BrowserPage[] = [];
  const staff = new Set<BrowserPage>();
  const url = (path: string) => appUrl(t, path);
  const phone = VIEWPORTS[0];

  // The server-rendered "Check my view": the code is typed and posted once, then the view page is shown.
  async function openCheck(page: BrowserPage['page'], receiptCode: string): Promise<void> {
    await page.goto(url('/check'));
    await tabTo(page, page.locator('#receiptCode'));
    await page.keyboard.type(receiptCode);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/check/view');
  }

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    let moderator: BrowserPage | undefined;
    loop = await runTheLoop(t, {
      // The young person, on the board's page on a phone: words, a theme, a sharing choice; the code.
      give: async (text, sharing) => {
        const tab = await openPage(browser, phone);
        tabs.push(tab);
        const { page } = tab;
        await page.goto(url('/boards/northshire/give-a-view'));
        await tabTo(page, page.locator('#text'));
        await page.keyboard.type(text);
        await page.locator('#theme-changes-of-social-worker').check();
        await page.locator(`#sharing-${sharing}`).check();
        // Continue to "check your answers", then send.
        await page.locator('#continue').click();
        await page.locator('#send').click();
        await page.locator('#receipt-code span').first().waitFor({ state: 'visible' });
        return (await page.locator('#receipt-code span').allInnerTexts()).join('-');
      },
      // The moderator, on the moderation page: accept, with the summary for a view shared summary only.
      accept: async (text, summary) => {
        moderator ??= await signedInTab(t, browser, 'moderator', VIEWPORTS[1]);
        if (!staff.has(moderator)) {
          staff.add(moderator);
          tabs.push(moderator);
        }
        const { page } = moderator;
        await page.goto(url('/staff/moderation'));
        const card = page.locator('#queue section', { hasText: text });
        await card.waitFor();
        await card.locator('input[value="accept"]').check();
        if (summary !== undefined) await card.locator('textarea[name="summary"]:visible').fill(summary);
        await card.getByRole('button', { name: 'Confirm' }).click();
        await notice(page, 'View accepted');
      },
      // The author of the summary-only view reads the summary by code and agrees.
      agree: async (receiptCode) => {
        const tab = await openPage(browser, phone);
        tabs.push(tab);
        await openCheck(tab.page, receiptCode);
        await tab.page.locator('#summary:not([hidden])').waitFor();
        expect(await tab.page.locator('#summary-text').innerText()).toBe(SUMMARY);
        await tab.page.locator('#summary-agree').check();
        await tab.page.locator('#summary-form button[type=submit]').click();
        await notice(tab.page, 'Thank you for checking the summary');
      },
    });
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  }, 300_000);

  afterAll(async () => {
    for (const tab of tabs) await tab.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
  });

  // What each author reads on "Check my view": the words the board read, and the decision's why.
  const each: Record<LoopView, { words: string; boardReads: string; explanation: string; why: string }> = {
    loop: {
      words: WORDS,
      boardReads: WORDS,
      explanation: 'The board reads your words as you wrote them.',
      why: WHY,
    },
    named: {
      words: NAMED,
      boardReads: 'Me and [name] from [school] want to meet new workers first.',
      explanation:
        'The board reads your words with anything that could show who you are, or who you wrote about, taken out. This is what it reads:',
      why: NAMED_WHY,
    },
    summary: {
      words: SUMMARY_WORDS,
      boardReads: SUMMARY,
      explanation: 'You chose a summary only. The board reads this summary, not your words:',
      why: SUMMARY_WHY,
    },
  };

  for (const key of Object.keys(SHARED) as LoopView[]) {
    it(`closes the loop for a view shared "${SHARED[key]}", read by code on a phone`, async () => {
      const tab = await openPage(browser, phone);
      tabs.push(tab);
      const { page } = tab;
      await openCheck(page, loop.code[key]);
      await eventually(async () => expect(await page.locator('#your-words').innerText()).toBe(each[key].words));
      expect(await page.locator('#board-sees-explanation').innerText()).toBe(each[key].explanation);
      expect(await page.locator('main').innerText()).toContain(each[key].boardReads);
      // Shown once each: a summary in its own section with the author's answer; words the board reads as
      // written under "What you said"; anonymised words under "What the board reads".
      const shownAt = key === 'summary' ? '#summary-text' : key === 'loop' ? '#your-words' : '#board-sees-words';
      expect(await page.locator(shownAt).innerText()).toBe(each[key].boardReads);
      if (key === 'summary') expect((await page.locator('main').innerText()).split(SUMMARY)).toHaveLength(2);
      if (key === 'loop') expect(await page.locator('#board-sees-words').count()).toBe(0);
      const changed = page.locator('#changed');
      await changed.waitFor({ state: 'visible' });
      const decision = await changed.innerText();
      for (const words of [RESOLUTION, each[key].why, 'This was done on 20 May 2026.', `Done: ${EVIDENCE}`]) {
        expect(decision).toContain(words);
      }
      // The newest answer and any earlier one, all in "What the board said" (#earlier-answers only when there is one).
      expect(await page.locator('#feedback').innerText()).toContain(FIRST_ANSWER);
      await expectNoAxeViolations(page, `check: the loop closed (${SHARED[key]})`);
      await screenshot(page, TEST, `check-loop-closed-${SHARED[key]}`);
    }, 120_000);
  }

  it('never put a code, a view or a summary in an address on the way', () => {
    expect(tabs.length).toBeGreaterThan(4);
    for (const tab of tabs) {
      for (const address of tab.urls) {
        const plain = decodeURIComponent(address);
        for (const key of Object.keys(SHARED) as LoopView[]) {
          expect(plain).not.toContain(loop.code[key]);
          // A staff page's calls name the view by its random id; a young person's never do.
          if (!staff.has(tab)) expect(address).not.toContain(loop.id[key]);
          expect(plain).not.toContain(each[key].words.slice(0, 20));
        }
        expect(plain).not.toContain(SUMMARY.slice(0, 20));
      }
    }
  });

  for (const viewport of VIEWPORTS) {
    it(`reads what the view changed and what was done, by code, at ${viewport.width} px`, async () => {
      const tab = await openPage(browser, viewport);
      const { page } = tab;
      try {
        await openCheck(page, loop.code.loop);
        await eventually(async () => expect(await page.locator('#your-words').innerText()).toBe(WORDS));
        expect(await page.locator('#board-sees-explanation').innerText()).toBe(
          'The board reads your words as you wrote them.',
        );
        const journey = await page.locator('#journey').innerText();
        // The step, its meeting and the part of the agenda it was put on (the page's words, from the catalogue).
        expect(journey).toContain('It was put on a board meeting list');
        expect(journey).toMatch(/on 14 April 2026, in the part about “Changes of social worker”\./);
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
        expect(await page.locator('main').innerText()).not.toMatch(/in touch/i);
        // Issue 22: reading age 9 or lower, here with every part of the loop on the page.
        if (viewport.width === 360) await expectReadingAge(page, 'check: the loop closed');
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

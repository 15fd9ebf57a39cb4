import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  isFocused,
  launchBrowser,
  openPage,
  screenshot,
  tabTo,
  VIEWPORTS,
  type BrowserPage,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A young person's whole path in real Chromium, by keyboard, at phone and desktop widths: give a view,
// keep the code, check it, answer the moderator's question, change sharing, take it back. Every state
// has 0 axe violations, and neither the code nor the words ever appear in a URL.

const TEST = 'young-person';
/**
 * What a code that fails its check symbol is told, in the catalogue's words (the old script-driven page
 * said "We could not find a view with that code" for every code that opened nothing).
 */
const WRONG_CODE = 'That code is not right. Check each letter and number and try again';

interface QueuedView {
  contributionId: string;
  text: string | null;
}

describe('a young person in the browser', () => {
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

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  const url = (path: string) => appUrl(t, path);

  async function focusAndPress(page: Page, selector: string, key: string): Promise<void> {
    await tabTo(page, page.locator(selector));
    await page.keyboard.press(key);
  }

  it('serves pages and assets beside the API, which keeps its own 404 problem details', async () => {
    const pageAnswer = await t.request('GET', '/boards/northshire');
    expect(pageAnswer.status).toBe(200);
    expect(pageAnswer.headers.get('content-type')).toContain('text/html');
    expect(pageAnswer.text).toContain('<html lang="en"');
    // The board's old address (with a slash) still arrives (redirected: 301 to /boards/northshire).
    const old = await t.request('GET', '/boards/northshire/');
    expect(old.status).toBe(200);
    expect(old.text).toContain('id="start"');
    // The staff's static pages are still served in their layout; the old script-driven check page is gone.
    expect((await t.request('GET', '/staff/sign-in')).text).toContain('<html lang="en-GB">');
    expect((await t.request('GET', '/check/classic', { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await t.request('GET', '/assets/app.css')).headers.get('content-type')).toContain('text/css');
    expect((await t.request('GET', '/assets/../web-ui.routes.ts')).status).toBe(404);
    expect((await t.request('GET', '/assets/%2e%2e/staff-home.html')).status).toBe(404);
    const unknownApi = await t.request('GET', '/api/no-such-thing');
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/problem+json');
    expect((await t.request('GET', '/api/public/boards/northshire/calls')).status).toBe(200);
  });

  for (const viewport of VIEWPORTS) {
    it(`gives a view, keeps the code and follows it to the end at ${viewport.width} px`, async () => {
      const words = `Moving school twice in a year was hard. Lantern-${viewport.width}-otter.`;
      const tab: BrowserPage = await openPage(browser, viewport);
      const { page } = tab;
      try {
        // The board's form: the words box first; what happens if you are not safe, and who to call (links),
        // before the optional questions.
        await page.goto(url('/boards/northshire/give-a-view'));
        await eventually(async () =>
          expect(await page.locator('h2#safe-title').innerText()).toMatch('If you tell us you are not safe'),
        );
        const text = await page.locator('main').innerText();
        expect(text.indexOf('What do you want to tell the board?')).toBeLessThan(text.indexOf('not safe'));
        expect(text.indexOf('not safe')).toBeLessThan(text.indexOf('What is it about?'));
        expect(await page.locator('#safe a[href="tel:08001111"]').innerText()).toBe('0800 1111');
        expect(await page.locator('#safe a[href="tel:999"]').innerText()).toBe('999');
        expect(await page.locator('#sharing-summary-only').isChecked()).toBe(true);
        await expectNoAxeViolations(page, 'give a view');
        await screenshot(page, TEST, 'give-a-view');

        // Sending nothing: an accessible error summary, focused, linked to the field.
        await focusAndPress(page, '#continue', 'Enter');
        const summary = page.locator('.govuk-error-summary');
        await summary.waitFor({ state: 'visible' });
        await eventually(async () => expect(await isFocused(summary)).toBe(true));
        await eventually(async () =>
          expect(await summary.locator('a[href="#text"]').innerText()).toMatch(/Write your view/),
        );
        expect(await page.locator('#text-error').innerText()).toMatch(/Write your view/);
        await expectNoAxeViolations(page, 'give a view: error');
        await screenshot(page, TEST, 'give-a-view-error');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await eventually(async () => expect(await isFocused(page.locator('#text'))).toBe(true));

        // Writing, with a live count; sharing left as it is.
        await page.keyboard.type(words);
        await eventually(async () =>
          expect(await page.locator('.govuk-character-count__status').innerText()).toMatch(
            `You have ${(5000 - words.length).toLocaleString('en-GB')} characters left`,
          ),
        );
        await focusAndPress(page, '#theme-education-and-attendance', 'Space');
        await focusAndPress(page, '#continue-end', 'Enter');

        // Check your answers, then send.
        await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/check');
        expect(await page.locator('#your-words').innerText()).toBe(words);
        await focusAndPress(page, '#send', 'Enter');

        // The receipt: large, in groups, copied and saved.
        await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/sent');
        const groups = await page.locator('#receipt-code span').allInnerTexts();
        expect(groups).toHaveLength(4);
        const code = groups.join('-');
        expect(await page.locator('#what-next').innerText()).not.toBe('');
        await expectNoAxeViolations(page, 'receipt');
        await screenshot(page, TEST, 'receipt');
        await focusAndPress(page, '#copy-code-button', 'Enter');
        await eventually(async () => expect(await page.locator('#code-status').innerText()).toMatch(/copied/));
        expect(await page.evaluate('navigator.clipboard.readText()')).toBe(code);
        const download = page.waitForEvent('download');
        await focusAndPress(page, '#save-code-button', 'Enter');
        const saved = await download;
        expect(saved.suggestedFilename()).toBe('my-receipt-code.txt');
        const { readFile } = await import('node:fs/promises');
        expect(await readFile(await saved.path(), 'utf8')).toContain(code);

        // Check my view, by the code typed into a form (posted once, kept on the server); a wrong code is
        // told kindly, in an error summary that has the focus.
        await caughtUp();
        await page.goto(url('/check'));
        await expectNoAxeViolations(page, 'check: enter code');
        await tabTo(page, page.locator('#receiptCode'));
        await page.keyboard.type('AAAA-BBBB-CCCC-DDDD-E');
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === '/check' && u.hash === '#error-summary');
        await eventually(async () => expect(await page.locator('#error-summary').innerText()).toMatch(WRONG_CODE));
        await eventually(async () => expect(await isFocused(page.locator('#error-summary'))).toBe(true));
        await expectNoAxeViolations(page, 'check: wrong code');
        await screenshot(page, TEST, 'check-wrong-code');
        // The typed code is shown again from the server: select it all and type the right one.
        await tabTo(page, page.locator('#receiptCode'));
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(code);
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === '/check/view');
        await eventually(async () => expect(await page.locator('#journey li').count()).toBe(1));
        expect(await page.locator('#sharing-summary-only').isChecked()).toBe(true);
        await expectNoAxeViolations(page, 'check: journey');
        await screenshot(page, TEST, 'check-journey');

        // The moderator asks a question; the young person looks again and answers it.
        const moderator = await t.signIn('moderator@northshire.example');
        await caughtUp();
        const queue = (await t.request('GET', '/api/moderation/queue', { token: moderator })).json<QueuedView[]>();
        const mine = queue.find((v) => v.text === words);
        expect(mine).toBeDefined();
        const asked = await t.request('POST', `/api/moderation/views/${mine!.contributionId}/ask`, {
          token: moderator,
          body: { question: 'Which school year was that?' },
        });
        expect(asked.status).toBeLessThan(300);
        await caughtUp();
        // "Look again for news": a link that reads the view page again.
        await focusAndPress(page, '#refresh', 'Enter');
        await eventually(async () =>
          expect(await page.locator('#question-text').innerText()).toMatch('Which school year was that?'),
        );
        await expectNoAxeViolations(page, 'check: question');
        await screenshot(page, TEST, 'check-question');
        await tabTo(page, page.locator('#text'));
        await page.keyboard.type('Year 8, when I moved to my new foster home.');
        await focusAndPress(page, '#answer-form button[type="submit"]', 'Enter');
        await eventually(async () =>
          expect(await page.locator('#done').innerText()).toMatch('Thank you for your answer.'),
        );
        // The notice has the focus (govuk-frontend's success banner), as the old page's did.
        await eventually(async () => expect(await isFocused(page.locator('#done'))).toBe(true));
        await caughtUp();
        await focusAndPress(page, '#refresh', 'Enter');
        await page.locator('#question').waitFor({ state: 'hidden' });
        // "Look again" loads the page afresh: the old one's question is gone before the new one is drawn.
        await eventually(async () => expect(await page.locator('#journey li').count()).toBeGreaterThanOrEqual(3));

        // Changing sharing (arrow keys move between radios).
        await tabTo(page, page.locator('#sharing-summary-only'));
        await page.keyboard.press('ArrowDown');
        await eventually(async () => expect(await page.locator('#sharing-anonymised').isChecked()).toBe(true));
        await focusAndPress(page, '#sharing-form button[type="submit"]', 'Enter');
        await eventually(async () => expect(await page.locator('#done').innerText()).toMatch('Your choice is saved.'));
        await eventually(async () => expect(await page.locator('#sharing-anonymised').isChecked()).toBe(true));
        await expectNoAxeViolations(page, 'check: sharing changed');

        // Withdrawing needs a second, clear yes, on its own "are you sure?" page.
        await focusAndPress(page, '#withdraw-start', 'Enter');
        await page.waitForURL((u) => u.pathname === '/check/withdraw');
        expect(await page.locator('h1').innerText()).toBe('Are you sure you want to take your view back?');
        await expectNoAxeViolations(page, 'check: confirm withdraw');
        await screenshot(page, TEST, 'check-confirm-withdraw');
        // The yes button comes just before "No, keep my view" (the page's only two controls in its form).
        await tabTo(page, page.locator('#withdraw-no'));
        await page.keyboard.press('Shift+Tab');
        await eventually(async () => expect(await isFocused(page.locator('#withdraw-yes'))).toBe(true));
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === '/check/view');
        await eventually(async () => expect(await page.locator('#done').innerText()).toMatch(/taken back/));
        await page.locator('#withdraw-start').waitFor({ state: 'hidden' });
        await page.locator('#sharing-form').waitFor({ state: 'hidden' });
        await expectNoAxeViolations(page, 'check: withdrawn');
        await screenshot(page, TEST, 'check-withdrawn');

        // The public list.
        await page.goto(url('/boards/northshire/you-said-we-did'));
        await eventually(async () => expect(await page.locator('#status').innerText()).not.toBe('Loading…'));
        await expectNoAxeViolations(page, 'you said, we did');
        await screenshot(page, TEST, 'you-said-we-did');

        // Nothing personal in any URL; the code did travel, in request bodies.
        const compact = code.replaceAll('-', '');
        for (const address of tab.urls) {
          const decoded = decodeURIComponent(address);
          expect(decoded).not.toContain(code);
          expect(decoded.toUpperCase()).not.toContain(compact);
          expect(decoded).not.toContain('Lantern');
          expect(decoded).not.toContain('Moving school');
        }
        expect(tab.bodies.some((body) => new URLSearchParams(body).get('receiptCode') === code)).toBe(true);
        // The words travelled in a form's POST body (the page is server-rendered: no API call gives it).
        expect(tab.bodies.some((body) => new URLSearchParams(body).get('text') === words)).toBe(true);
        expect(tab.writes.filter((w) => w.path === '/api/public/boards/northshire/views')).toHaveLength(0);

        // The check pages wrote in process, through posted forms that carry their CSRF token (never the API
        // from the browser); any write the browser did send to the API carried an Idempotency-Key.
        expect(tab.writes.filter((w) => w.path.startsWith('/api/public/views'))).toHaveLength(0);
        const checkForms = tab.bodies
          .map((body) => new URLSearchParams(body))
          .filter((form) => form.has('receiptCode'));
        expect(checkForms.length).toBeGreaterThanOrEqual(2);
        expect(checkForms.every((form) => (form.get('_csrf') ?? '') !== '')).toBe(true);
        expect(tab.writes.every((w) => w.idempotencyKey && /^[0-9a-f-]{36}$/.test(w.idempotencyKey))).toBe(true);
      } finally {
        await tab.context.close();
      }
    }, 120_000);
  }

  it("reads the board's answer on Check my view and on the public You said, we did page", async () => {
    const words = 'Please let us keep our pets when we move. Walrus-5519.';
    const answer = 'We agreed that carers will be asked about pets before every move.';
    const given = await t.request('POST', '/api/public/boards/northshire/views', {
      body: { text: words, sharing: 'verbatim', themes: ['placement-stability'] },
    });
    expect(given.status).toBe(201);
    const code = given.json<{ receiptCode: string }>().receiptCode;
    const moderator = await t.signIn('moderator@northshire.example');
    await caughtUp();
    const queue = (await t.request('GET', '/api/moderation/queue', { token: moderator })).json<QueuedView[]>();
    const id = queue.find((v) => v.text === words)!.contributionId;
    const accept = await t.request('POST', `/api/moderation/views/${id}/accept`, { token: moderator, body: {} });
    expect(accept.status).toBe(200);
    const feedback = await t.request('POST', '/api/views/feedback', {
      token: await t.signIn('clerk@northshire.example'),
      body: { contributionIds: [id], text: answer, decisionIds: [], actionIds: [] },
    });
    expect(feedback.status).toBe(201);
    await caughtUp();

    const tab = await openPage(browser, VIEWPORTS[0]);
    const { page } = tab;
    try {
      await page.goto(url('/check'));
      await tabTo(page, page.locator('#receiptCode'));
      await page.keyboard.type(code);
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/check/view');
      await page.locator('#feedback').waitFor({ state: 'visible' });
      expect(await page.locator('#feedback-text').innerText()).toBe(answer);
      // What they said, as written, what the board reads, and who can help now.
      expect(await page.locator('#your-words').innerText()).toBe(words);
      expect(await page.locator('#board-sees-explanation').innerText()).toBe(
        'The board reads your words as you wrote them.',
      );
      expect(await page.locator('#help-words').innerText()).toContain('Childline free on 0800 1111');
      expect(await page.locator('main').innerText()).not.toMatch(/in touch/i);
      await expectNoAxeViolations(page, 'check: the board answered');
      await screenshot(page, TEST, 'check-answered');

      await page.goto(url('/boards/northshire/you-said-we-did'));
      await page.locator('#entries article').first().waitFor({ state: 'visible' });
      const entry = page.locator('#entries article', { hasText: answer });
      expect(await entry.locator('blockquote').innerText()).toBe(words);
      expect(await entry.innerText()).toContain('1 young person told us about: where I live and moving home.');
      await expectNoAxeViolations(page, 'you said, we did: with answers');
      await screenshot(page, TEST, 'you-said-we-did-answered');
    } finally {
      await tab.context.close();
    }
  }, 60_000);

  it('answers an open call for views, chosen by keyboard (saying anything stays the default)', async () => {
    const clerk = await t.signIn('clerk@northshire.example');
    const question = 'What would make moving to a new placement less scary?';
    const opened = await t.request('POST', '/api/calls-for-views', {
      token: clerk,
      body: { question, closesOn: '2026-03-31', themes: ['placement-stability'] },
    });
    expect(opened.status).toBe(201);
    const callId = opened.json<{ id: string }>().id;
    await caughtUp();
    const tab = await openPage(browser, VIEWPORTS[1]);
    const { page } = tab;
    try {
      await page.goto(url('/boards/northshire/give-a-view'));
      await page.locator('#about-call-0').waitFor({ state: 'visible' });
      expect(await page.locator('label[for="about-call-0"]').innerText()).toBe(question);
      expect(await page.locator('#about-anything').isChecked()).toBe(true);
      expect(await page.locator('#about-call-0-item-hint').innerText()).toBe('Open until 31 March 2026');
      // Dates are written in the page's language.
      await page.goto(url('/boards/northshire/give-a-view?lang=cy'));
      expect(await page.locator('#about-call-0-item-hint').innerText()).toBe('Ar agor tan 31 Mawrth 2026');
      await page.goto(url('/boards/northshire/give-a-view?lang=en'));
      await expectNoAxeViolations(page, 'give a view: open call');
      await screenshot(page, TEST, 'give-a-view-open-call');
      await tabTo(page, page.locator('#about-anything'));
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#about-call-0').isChecked()).toBe(true);
      await tabTo(page, page.locator('#text'));
      await page.keyboard.type('Meeting the new carers first, with my social worker. Kestrel-2207.');
      await focusAndPress(page, '#continue', 'Enter');
      // Check your answers names the question; the view goes to the call.
      await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/check');
      expect(await page.locator('#answers').innerText()).toContain(question);
      await focusAndPress(page, '#send', 'Enter');
      await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/sent');
      const sent = tab.bodies.map((body) => new URLSearchParams(body));
      expect(sent.find((body) => body.get('text')?.includes('Kestrel-2207'))?.get('about')).toBe(callId);
    } finally {
      await tab.context.close();
    }
  }, 60_000);

  it('asks kindly for an invite code when the board needs one, then sends the view with it', async () => {
    const clerk = await t.signIn('clerk@northshire.example');
    const codes = '/api/staff/voice-settings/invite-codes';
    const issued = await t.request('POST', codes, { token: clerk, body: { label: 'Browser test session' } });
    expect(issued.status).toBe(201);
    const { inviteCode } = issued.json<{ inviteCode: string }>();
    const required = await t.request('PUT', `${codes}/requirement`, { token: clerk, body: { required: true } });
    expect(required.status).toBe(200);
    await caughtUp();
    const tab = await openPage(browser, VIEWPORTS[0]);
    const { page } = tab;
    try {
      await page.goto(url('/boards/northshire/give-a-view'));
      expect(await page.locator('#inviteCode').isVisible()).toBe(false);
      await tabTo(page, page.locator('#text'));
      await page.keyboard.type('Invite-only views are fine by me. Heron-4410.');
      await focusAndPress(page, '#continue', 'Enter');
      await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/check');
      await focusAndPress(page, '#send', 'Enter');
      // Back to the form, the words kept, the invite code asked for kindly.
      await page.locator('#inviteCode').waitFor({ state: 'visible' });
      expect(await page.locator('#text').inputValue()).toContain('Heron-4410');
      await eventually(async () =>
        expect(await page.locator('.govuk-error-summary a[href="#inviteCode"]').innerText()).toMatch(
          'invite code your worker gave you',
        ),
      );
      expect(await page.locator('#inviteCode-hint').innerText()).toMatch('asks for an invite code');
      await expectNoAxeViolations(page, 'give a view: invite code needed');
      await screenshot(page, TEST, 'give-a-view-invite-code');
      await tabTo(page, page.locator('#inviteCode'));
      await page.keyboard.type(inviteCode);
      await focusAndPress(page, '#continue', 'Enter');
      await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/check');
      await focusAndPress(page, '#send', 'Enter');
      await page.waitForURL((u) => u.pathname === '/boards/northshire/give-a-view/sent');
      expect(await page.locator('#receipt-code span').count()).toBe(4);
      for (const address of tab.urls) expect(decodeURIComponent(address)).not.toContain(inviteCode);
    } finally {
      await tab.context.close();
      await t.request('PUT', `${codes}/requirement`, { token: clerk, body: { required: false } });
    }
  }, 60_000);
});

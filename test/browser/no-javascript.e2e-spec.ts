import type { Browser, Page } from 'playwright-core';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { appUrl, launchBrowser } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 17, item 3: with JavaScript off (or failed), "Give a view", "Check my view" and staff sign-in
// submitted as GET: the child's words, the code and the staff password landed in the address bar and
// the history, and nothing was sent. Now every form posts: "Give a view" and "Check my view" are
// server-rendered and work without JavaScript (issue 22); staff sign-in cannot be sent until its script runs.

const WORDS = 'My placement is far from my school and I miss my friends Oriole-5531';
const CODE = 'ABCD-EFGH-JKMN-PQRS-T';
const PASSWORD = 'Secret-password-Heron-8812';

describe('forms with JavaScript off put nothing in an address', () => {
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

  /** A page with JavaScript off, recording every address it asks for and every method. */
  async function withoutScript(path: string): Promise<{ page: Page; asked: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => asked.push(`${request.method()} ${request.url()}`));
    await page.goto(appUrl(t, path));
    return { page, asked, close: () => context.close() };
  }

  /** Every way a person could try to send the form: Enter in a field, the button, and the button forced on. */
  async function tryToSend(page: Page, field: string, button: string): Promise<void> {
    await expect(page.locator(button).first().isDisabled()).resolves.toBe(true);
    await page.locator(field).first().press('Enter');
    await page
      .locator(button)
      .first()
      .click({ force: true, timeout: 2000 })
      .catch(() => undefined);
    // As if the page's script had enabled the button and then failed: the form must still post.
    await page
      .locator(button)
      .first()
      .evaluate((b) => b.removeAttribute('disabled'));
    await Promise.all([page.waitForLoadState('load'), page.locator(button).first().click()]);
    await page.waitForLoadState('load');
  }

  function expectNothingIn(asked: readonly string[], page: Page, secrets: readonly string[]): void {
    const addresses = [...asked, page.url()];
    for (const secret of secrets) {
      for (const variant of [secret, encodeURIComponent(secret), secret.replaceAll(' ', '+')]) {
        expect(addresses.filter((a) => a.includes(variant))).toEqual([]);
      }
    }
    expect(addresses.some((a) => a.startsWith('GET ') && a.includes('?'))).toBe(false);
  }

  it('give a view: server-rendered, it is sent with JavaScript off, and neither words nor code reach an address', async () => {
    const { page, asked, close } = await withoutScript('/boards/northshire/give-a-view');
    try {
      await page.locator('#text').fill(WORDS);
      // Enter in the invite code's place (a one-line field) would post too; the button is what a child presses.
      await Promise.all([page.waitForURL(/\/give-a-view\/check$/), page.locator('#continue').click()]);
      await Promise.all([page.waitForURL(/\/give-a-view\/sent$/), page.locator('#send').click()]);
      const code = (await page.locator('#receipt-code span').allInnerTexts()).join('-');
      expect(code).toMatch(/^[A-Z0-9-]{17,}$/);
      expectNothingIn(asked, page, [WORDS, 'Oriole-5531', code, code.replaceAll('-', '')]);
      expect(asked.some((a) => a.startsWith('POST '))).toBe(true);
      // Sent: the log holds the view (its words sealed, so not as text).
      const log = await t.app.get<EventStore>(EVENT_STORE).readAll();
      expect(log.some((event) => event.type === 'ContributionSubmitted')).toBe(true);
    } finally {
      await close();
    }
  });

  it('check my view: server-rendered, the code is posted with JavaScript off and never reaches an address', async () => {
    const { page, asked, close } = await withoutScript('/check');
    try {
      await page.locator('#receiptCode').fill(CODE);
      // Enter in the field posts, as does the button; a wrong code comes back as an error, not in an address.
      const posted = () =>
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/check');
      await Promise.all([posted(), page.locator('#receiptCode').press('Enter')]);
      await page.waitForURL((u) => u.pathname === '/check' && u.hash === '#error-summary');
      await page.locator('.govuk-error-summary').waitFor();
      await Promise.all([posted(), page.locator('#open').click()]);
      await page.waitForLoadState('load');
      await page.locator('.govuk-error-summary').waitFor();
      expectNothingIn(asked, page, [CODE, CODE.replaceAll('-', '')]);
      expect(asked.filter((a) => a.startsWith('POST ')).length).toBeGreaterThanOrEqual(2);
    } finally {
      await close();
    }
  });

  it('check my view: the right code opens the view with JavaScript off, and the code never reaches an address', async () => {
    const given = await t.request('POST', '/api/public/boards/northshire/views', { body: { text: WORDS } });
    expect(given.status).toBe(201);
    const code = given.json<{ receiptCode: string }>().receiptCode;
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    const { page, asked, close } = await withoutScript('/check');
    try {
      await page.locator('#receiptCode').fill(code);
      // Enter in the field posts the form (no script needed), and the view page follows.
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/check/view'),
        page.locator('#receiptCode').press('Enter'),
      ]);
      expect(await page.locator('#your-words').innerText()).toBe(WORDS);
      expectNothingIn(asked, page, [code, code.replaceAll('-', ''), WORDS, 'Oriole-5531']);
      expect(asked.filter((a) => a.startsWith('POST ')).length).toBe(1);
    } finally {
      await close();
    }
  });

  it('staff sign-in: the email and password never reach an address', async () => {
    const { page, asked, close } = await withoutScript('/staff/sign-in');
    try {
      await page.locator('#tenant').fill('northshire');
      await page.locator('#email').fill('chair@northshire.example');
      await page.locator('#password').fill(PASSWORD);
      await tryToSend(page, '#password', 'form button[type="submit"]');
      expectNothingIn(asked, page, [PASSWORD, 'chair@northshire.example']);
    } finally {
      await close();
    }
  });
});

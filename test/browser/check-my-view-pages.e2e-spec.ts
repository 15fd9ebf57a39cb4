import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import { estimateReadingAge } from '../../libs/voice/src/domain/reading-age/reading-age.js';
import { appUrl, expectNoAxeViolations, launchBrowser, screenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 22: "Check my view", server-rendered on govuk-frontend, in English and Welsh, with JavaScript on
// and off. A young person puts in their receipt code (posted once, then kept on the server), reads what
// happened, answers a moderator's question, asks for the summary to be changed, changes sharing and
// takes the view back (after "are you sure?"). Every state has 0 axe violations (checked where scripts
// run); no address the browser asked for holds the code or the words.

const TEST = 'check-my-view-pages';

interface Journey {
  readonly js: boolean;
  readonly lang: 'en' | 'cy';
  readonly width: 320 | 360 | 1280;
}

const JOURNEYS: readonly Journey[] = [
  { js: true, lang: 'en', width: 360 },
  { js: false, lang: 'cy', width: 320 },
  { js: true, lang: 'cy', width: 1280 },
  { js: false, lang: 'en', width: 360 },
];

const WORDS = {
  en: {
    errorSummary: 'There is a problem',
    codeRequired: 'Put in your receipt code',
    codeInvalid: 'That code is not right',
    withdrawn: 'You took it back',
    sharingSaved: 'Your choice is saved',
    answered: 'Thank you for your answer',
    takenBack: 'Your view has been taken back',
    summaryChange: 'A worker will write the summary again',
    summaryChanged: 'You asked for this summary to be changed',
  },
  cy: {
    errorSummary: 'Mae problem',
    codeRequired: 'Rhowch eich cod derbynneb',
    codeInvalid: 'Nid yw’r cod yna’n iawn',
    withdrawn: 'Tynnoch hi’n ôl',
    sharingSaved: 'Mae eich dewis wedi’i gadw',
    answered: 'Diolch am eich ateb',
    takenBack: 'Mae eich barn wedi’i thynnu’n ôl',
    summaryChange: 'Bydd gweithiwr yn ysgrifennu’r crynodeb eto',
    summaryChanged: 'Gofynnoch i’r crynodeb hwn gael ei newid',
  },
};

interface QueuedView {
  contributionId: string;
  text: string | null;
}

describe('check my view, server-rendered', () => {
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
  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

  async function giveView(text: string): Promise<string> {
    const given = await t.request('POST', '/api/public/boards/northshire/views', { body: { text } });
    expect(given.status).toBe(201);
    return given.json<{ receiptCode: string }>().receiptCode;
  }

  interface Checked {
    status: string;
    sharing: string;
    summary?: { yourAnswer: string };
  }

  async function checkedByApi(receiptCode: string): Promise<Checked> {
    const checked = await t.request('POST', '/api/public/views/check', { body: { receiptCode } });
    expect(checked.status).toBe(200);
    return checked.json<Checked>();
  }

  it('posts the code, keeps it only in an HttpOnly cookie-keyed session, and refuses a form without its CSRF token', async () => {
    const page = await t.request('GET', '/check', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toContain('method="post" action="/check"');
    const welsh = await t.request('GET', '/check?lang=cy', { headers: { accept: 'text/html' } });
    expect(welsh.text).toContain('<html lang="cy"');
    // Without a kept code the view page sends the reader to the form.
    const view = await fetch(url('/check/view'), { redirect: 'manual', headers: { accept: 'text/html' } });
    expect(view.status).toBe(303);
    expect(view.headers.get('location')).toBe('/check');
    const forged = await t.request('POST', '/check', {
      rawBody: 'receiptCode=7KQ2-M9XD-4RTW-8HJN-5',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(forged.status).toBe(403);
    const forgedWithdraw = await t.request('POST', '/check/withdraw', {
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    expect(forgedWithdraw.status).toBe(403);
    // The JSON API is unchanged beside it.
    const api = await t.request('POST', '/api/public/views/check', { body: { receiptCode: 'AAAA' } });
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  for (const journey of JOURNEYS) {
    const name = `JavaScript ${journey.js ? 'on' : 'off'}, ${journey.lang}, ${journey.width} px`;
    it(`checks a view with its code, answers, asks for a new summary, changes sharing and takes it back (${name})`, async () => {
      const words = `Contact with my sister keeps getting cancelled. Kestrel-${journey.lang}-${journey.width}-${journey.js}.`;
      const code = await giveView(words);
      const context = await browser.newContext({
        viewport: { width: journey.width, height: 740 },
        javaScriptEnabled: journey.js,
        reducedMotion: 'reduce',
      });
      const page: Page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      const say = WORDS[journey.lang];
      // axe runs as a script in the page, so only where scripts run; the HTML is the same either way.
      const axe = (state: string) =>
        journey.js ? expectNoAxeViolations(page, `${name}: ${state}`) : Promise.resolve();
      const shot = (state: string) => screenshot(page, TEST, `${state}-${journey.lang}-${journey.js ? 'js' : 'nojs'}`);
      try {
        await page.goto(url(`/check?lang=${journey.lang}`));
        expect(await page.getAttribute('html', 'lang')).toBe(journey.lang);
        await axe('enter the code');
        await printReadingAge(page, journey, 'enter the code');

        // No code: the error summary, linked to the box.
        await page.locator('#open').click();
        await page.locator('.govuk-error-summary').waitFor();
        expect(await page.locator('.govuk-error-summary').innerText()).toContain(say.errorSummary);
        expect(await page.locator('.govuk-error-summary a[href="#receiptCode"]').innerText()).toBe(say.codeRequired);
        await axe('no code');

        // A mistyped code: said so, and the typed code is shown again from the server (not the address).
        await page.locator('#receiptCode').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
        await page.locator('#open').click();
        await page.locator('.govuk-error-summary').waitFor();
        expect(await page.locator('#receiptCode-error').innerText()).toContain(
          journey.lang === 'en' ? 'not right' : 'iawn',
        );
        await axe('wrong code');
        await shot('check-wrong-code');

        // The right code: the view, as its author may see it.
        await page.locator('#receiptCode').fill(code);
        await page.locator('#open').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect(await page.locator('#your-words').innerText()).toBe(words);
        expect(await page.locator('#journey li').count()).toBeGreaterThanOrEqual(1);
        expect(await page.locator('#sharing-summary-only').isChecked()).toBe(true);
        expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
        await axe('the view');
        await printReadingAge(page, journey, 'the view');
        await shot('check-view');

        // A moderator asks a question; the young person answers it on the page.
        const moderator = await t.signIn('moderator@northshire.example');
        await caughtUp();
        const queue = (await t.request('GET', '/api/moderation/queue', { token: moderator })).json<QueuedView[]>();
        const mine = queue.find((v) => v.text === words);
        expect(mine).toBeDefined();
        const question = await t.request('POST', `/api/moderation/views/${mine!.contributionId}/ask`, {
          token: moderator,
          body: { question: 'Which week was that?' },
        });
        expect(question.status).toBeLessThan(300);
        await caughtUp();
        await page.reload();
        expect(await page.locator('#question-text').innerText()).toBe('Which week was that?');
        await axe('a question');
        // Nothing written: said so, on the same page.
        await page.locator('#answer-send').click();
        await page.locator('.govuk-error-summary a[href="#text"]').waitFor();
        await axe('an empty answer');
        await page.locator('#text').fill('The week before half term.');
        await page.locator('#answer-send').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect(await page.locator('#done').innerText()).toContain(say.answered);
        // The page after an action already shows it (it waited for its own write): no reload.
        expect(await page.locator('#question-text').count()).toBe(0);
        expect(await page.locator('#your-replies').innerText()).toContain('The week before half term.');

        // The moderator accepts it with the summary the board reads; the child asks for it to be changed.
        const accepted = await t.request('POST', `/api/moderation/views/${mine!.contributionId}/accept`, {
          token: moderator,
          body: { summary: 'They want to see their sister as planned.' },
        });
        expect(accepted.status).toBeLessThan(300);
        await caughtUp();
        await page.reload();
        expect(await page.locator('#summary-text').innerText()).toBe('They want to see their sister as planned.');
        await axe('the summary');
        await page.locator('#summary-send').click();
        await page.locator('.govuk-error-summary a[href="#summary-agree"]').waitFor();
        await axe('the summary, no answer');
        await page.locator('#summary-change').check();
        await page.locator('#summary-message').fill('Say it should be every week.');
        await page.locator('#summary-send').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect(await page.locator('#done').innerText()).toContain(say.summaryChange);
        // The page after an action already shows it (it waited for its own write): no reload.
        expect(await page.locator('#summary-answer').innerText()).toContain(say.summaryChanged);
        expect((await checkedByApi(code)).summary?.yourAnswer).toBe('change-requested');
        await shot('check-summary');

        // Change sharing: a radio and a button; the API sees the new choice.
        await page.locator('#sharing-anonymised').check();
        await page.locator('#sharing-save').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect(await page.locator('#done').innerText()).toContain(say.sharingSaved);
        // The page after an action already shows it (it waited for its own write): no reload.
        expect(await page.locator('#sharing-anonymised').isChecked()).toBe(true);
        expect((await checkedByApi(code)).sharing).toBe('anonymised');
        await axe('sharing changed');

        // Take it back: "are you sure?" first; "No" keeps it.
        await page.locator('#withdraw-start').click();
        await page.waitForURL((u) => u.pathname === '/check/withdraw');
        await axe('are you sure');
        await printReadingAge(page, journey, 'are you sure');
        await shot('check-confirm-withdraw');
        await page.locator('#withdraw-no').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect((await checkedByApi(code)).status).not.toBe('withdrawn');
        await page.locator('#withdraw-start').click();
        await page.locator('#withdraw-yes').click();
        await page.waitForURL((u) => u.pathname === '/check/view');
        expect(await page.locator('#done').innerText()).toContain(say.takenBack);
        // The page after an action already shows it (it waited for its own write): no reload.
        expect(await page.locator('#status').innerText()).toContain(say.withdrawn);
        expect(await page.locator('#sharing-form').count()).toBe(0);
        expect(await page.locator('#withdraw-start').count()).toBe(0);
        expect((await checkedByApi(code)).status).toBe('withdrawn');
        await axe('taken back');
        await printReadingAge(page, journey, 'taken back');
        await shot('check-withdrawn');

        // The session's cookie is HttpOnly and SameSite=Strict, sent to the check pages only.
        const cookie = (await context.cookies()).find((c) => c.name === 'cpb-check');
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/check' });

        // Finish: the code is forgotten here; the view page is closed to this browser.
        await page.locator('#finish').click();
        await page.waitForURL((u) => u.pathname === '/check');
        expect(await page.locator('#receiptCode').inputValue()).toBe('');
        await page.goto(url('/check/view'));
        expect(new URL(page.url()).pathname).toBe('/check');

        // No address asked for (every entry of the tab's history is one of them) holds the code or words.
        const compact = code.replaceAll('-', '');
        for (const address of [...asked, page.url()]) {
          const decoded = decodeURIComponent(address);
          expect(decoded).not.toContain(code);
          expect(decoded.toUpperCase()).not.toContain(compact);
          expect(decoded).not.toContain('Kestrel');
          expect(decoded).not.toContain('half term');
          expect(decoded).not.toContain('every week');
        }
        expect(t.logs()).not.toContain('Kestrel');
        expect(t.logs()).not.toContain(code);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

/**
 * Prints the Flesch-Kincaid reading age of an English page's main text (the estimate is for English),
 * without the words the young person or a worker wrote: they are theirs, not the page's.
 */
async function printReadingAge(page: Page, journey: Journey, state: string): Promise<void> {
  if (journey.lang !== 'en' || journey.width !== 360) return;
  let text = await page.locator('main').innerText();
  for (const words of await page.locator('main .cpb-words').allInnerTexts()) text = text.replace(words, '');
  const estimate = estimateReadingAge(text);
  console.log(`reading age of "${state}": ${estimate.readingAge} (grade ${estimate.grade}, ${estimate.words} words)`);
  // Issue 22: a reading age of 9 or lower on every young people's page.
  expect(estimate.readingAge).toBeLessThanOrEqual(9);
}

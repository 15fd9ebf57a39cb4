import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import { estimateReadingAge } from '../../libs/voice/src/domain/reading-age/reading-age.js';
import { appUrl, expectNoAxeViolations, launchBrowser, screenshot, tabTo } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  EVIDENCE,
  FIRST_ANSWER,
  NAMED,
  ok,
  PROGRESS,
  RESOLUTION,
  runTheLoop,
  SECOND_ANSWER,
  SUMMARY,
  SUMMARY_WORDS,
  WORDS,
  type Loop,
} from '../voice/closing-the-loop.fixture.js';

// Issue 22: "You said, we did" and a decision it points to, server-rendered on govuk-frontend, in English
// and Welsh, with JavaScript on and off, at 320, 360 and 1280 px. The board answers three views (shared
// word for word, anonymised and summary only: closing-the-loop.fixture.ts) and a fourth on another theme;
// the page shows what the public API shows and no more (the words their authors let it show, never a
// summary-only view's words or a name taken out), filters by theme with a plain form, and links each
// answer to its decision, whose actions' progress is told. Every state has 0 axe violations; no address
// holds anything but the board's slug, a theme's code and a decision's id.

const TEST = 'you-said-we-did-pages';

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
  { js: true, lang: 'en', width: 320 },
];

const SAY = {
  en: {
    title: 'You said, we did',
    count: '3 answers from the board, newest first.',
    familyOnly: '1 answer from the board about seeing my family.',
    people: '3 young people told us about: my social worker.',
    progress: 'All done: the board asked for 1 thing, and it is done.',
    done: 'This was done on 20 May 2026.',
    update: `Update: ${PROGRESS}`,
    decided: 'Decided on 14 April 2026 at the meeting “Corporate Parenting Board, April”.',
    notFound: 'We could not find this decision',
  },
  cy: {
    title: 'Dywedoch chi, gwnaethon ni',
    count: '3 ateb gan y bwrdd, y mwyaf newydd yn gyntaf.',
    familyOnly: '1 ateb gan y bwrdd ar y pwnc: gweld fy nheulu.',
    people: 'Dywedodd 3 o bobl ifanc wrthon ni am: fy ngweithiwr cymdeithasol.',
    progress: "Wedi'i wneud i gyd",
    done: 'Cafodd hyn ei wneud ar 20 Mai 2026.',
    update: `Diweddariad: ${PROGRESS}`,
    decided: 'Penderfynwyd ar 14 Ebrill 2026',
    notFound: "Allwn ni ddim dod o hyd i'r penderfyniad hwn",
  },
};

const FAMILY_WORDS = 'I want to see my nan at weekends, not just in the holidays. Puffin-3381.';
const FAMILY_ANSWER = 'We asked every carer to plan visits to your nan and mum at the weekend.';

describe('"You said, we did", server-rendered', () => {
  let t: TestApp;
  let browser: Browser;
  let loop: Loop;

  const url = (path: string) => appUrl(t, path);
  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    loop = await runTheLoop(t);
    // A fourth view, on another theme, answered without a decision: the filter has a choice to offer.
    const given = await ok(
      t.request('POST', '/api/public/boards/northshire/views', {
        body: { text: FAMILY_WORDS, sharing: 'verbatim', themes: ['family-time'] },
      }),
      201,
    );
    expect(given.json<{ receiptCode: string }>().receiptCode).toBeDefined();
    await caughtUp();
    const queue = (await ok(loop.callers.get('moderator', '/api/moderation/queue'))).json<
      Array<{ contributionId: string; text: string | null }>
    >();
    const id = queue.find((view) => view.text === FAMILY_WORDS)!.contributionId;
    await ok(loop.callers.post('moderator', `/api/moderation/views/${id}/accept`, {}));
    await ok(
      loop.callers.post('clerk', '/api/views/feedback', {
        contributionIds: [id],
        text: FAMILY_ANSWER,
        decisionIds: [],
        actionIds: [],
      }),
      201,
    );
    await caughtUp();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows what the public API shows, no more: shared words only, and a 404 page for an unknown board or decision', async () => {
    const api = (await ok(t.request('GET', '/api/public/boards/northshire/you-said-we-did'))).json<{
      entries: Array<{ text: string; shared: Array<{ words: string }> }>;
    }>();
    const page = await t.request('GET', '/boards/northshire/you-said-we-did', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="en"');
    const html = page.text.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
    for (const entry of api.entries) {
      expect(html).toContain(entry.text);
      for (const view of entry.shared) expect(html).toContain(view.words);
    }
    expect(api.entries.flatMap((e) => e.shared.map((v) => v.words))).toContain(WORDS);
    // Never a summary-only view's words or its summary, nor a name the anonymising took out.
    for (const hidden of [SUMMARY_WORDS, SUMMARY, NAMED, 'Kayleigh', 'Hilltop']) expect(html).not.toContain(hidden);

    for (const path of [
      '/boards/no-such-board/you-said-we-did',
      `/boards/no-such-board/you-said-we-did/decisions/${loop.decisionId}`,
      '/boards/northshire/you-said-we-did/decisions/no-such-decision',
      '/boards/northshire/you-said-we-did/decisions/..%2F..%2Fapi',
    ]) {
      const lost = await t.request('GET', path, { headers: { accept: 'text/html' } });
      expect(lost.status).toBe(404);
      expect(lost.headers.get('content-type')).toContain('text/html');
      expect(lost.text).not.toContain(RESOLUTION);
    }
    const welsh = await t.request('GET', `/boards/northshire/you-said-we-did/decisions/${loop.decisionId}?lang=cy`, {
      headers: { accept: 'text/html' },
    });
    expect(welsh.text).toContain('<html lang="cy"');
    expect(welsh.text).toContain(RESOLUTION);
    // The JSON API is unchanged beside the pages.
    expect(
      (await t.request('GET', '/api/public/boards/no-such-board/you-said-we-did')).headers.get('content-type'),
    ).toContain('application/problem+json');
  });

  for (const journey of JOURNEYS) {
    const name = `JavaScript ${journey.js ? 'on' : 'off'}, ${journey.lang}, ${journey.width} px`;
    it(`reads the answers, filters them by theme and follows one to its decision (${name})`, async () => {
      const context = await browser.newContext({
        viewport: { width: journey.width, height: 740 },
        javaScriptEnabled: journey.js,
        reducedMotion: 'reduce',
      });
      const page: Page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      const say = SAY[journey.lang];
      const axe = (state: string) =>
        journey.js ? expectNoAxeViolations(page, `${name}: ${state}`) : Promise.resolve();
      const shot = (state: string) => screenshot(page, TEST, `${state}-${journey.lang}-${journey.js ? 'js' : 'nojs'}`);
      try {
        // From the board's home, by its link.
        await page.goto(url(`/boards/northshire?lang=${journey.lang}`));
        await page.locator('a[href="/boards/northshire/you-said-we-did"]').click();
        await page.waitForURL((u) => u.pathname === '/boards/northshire/you-said-we-did');
        expect(await page.getAttribute('html', 'lang')).toBe(journey.lang);
        expect(await page.locator('h1').innerText()).toBe(say.title);
        expect(await page.locator('#status').innerText()).toBe(say.count);
        expect(await page.locator('#entries article').count()).toBe(3);
        // The loop's first answer: the words shared word for word and anonymised (not the summary-only
        // view's), who told us, what was decided and how it is going.
        const entry = page.locator('#entries article', { hasText: FIRST_ANSWER });
        const quotes = await entry.locator('blockquote').allInnerTexts();
        expect(quotes).toContain(WORDS);
        expect(quotes.some((quote) => quote.includes('[name]'))).toBe(true);
        expect(quotes).toHaveLength(2);
        expect(await entry.innerText()).toContain(say.people);
        expect(await entry.innerText()).toContain(say.progress);
        expect(await page.locator('main').innerText()).not.toContain(SUMMARY_WORDS);
        // Dates in the page's language, newest first.
        expect(await page.locator('#entries article h2').allInnerTexts()).toEqual(
          journey.lang === 'en'
            ? ['1 June 2026', '21 May 2026', '20 April 2026']
            : ['1 Mehefin 2026', '21 Mai 2026', '20 Ebrill 2026'],
        );
        await axe('the list');
        await printReadingAge(page, journey, 'you said, we did');
        await shot('list');

        // The theme filter is a plain form: it works with JavaScript off, and its address holds a theme's code.
        await page.locator('#theme').selectOption('family-time');
        await page.locator('#theme-show').click();
        await page.waitForURL((u) => u.searchParams.get('theme') === 'family-time');
        expect(await page.locator('#status').innerText()).toBe(say.familyOnly);
        expect(await page.locator('#entries article').count()).toBe(1);
        expect(await page.locator('#entries article blockquote').innerText()).toBe(FAMILY_WORDS);
        expect(await page.locator('#theme').inputValue()).toBe('family-time');
        await axe('filtered by theme');
        await page.locator('#theme').selectOption('');
        await page.locator('#theme-show').click();
        await page.waitForURL((u) => u.searchParams.get('theme') === '');
        expect(await page.locator('#entries article').count()).toBe(3);

        // The decision's page, by keyboard: what was decided, each action with its progress and dates,
        // what the board told young people; no view or author.
        await tabTo(
          page,
          page.locator('#entries article', { hasText: SECOND_ANSWER }).getByRole('link', { name: RESOLUTION }),
        );
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === `/boards/northshire/you-said-we-did/decisions/${loop.decisionId}`);
        expect(await page.getAttribute('html', 'lang')).toBe(journey.lang);
        expect(await page.locator('#resolution').innerText()).toBe(RESOLUTION);
        expect(await page.locator('#decided-when').innerText()).toContain(say.decided);
        expect(await page.locator('#progress').innerText()).toContain(say.progress);
        const actions = await page.locator('#actions').innerText();
        expect(actions).toContain(say.done);
        expect(actions).toContain(say.update);
        expect(actions).toContain(EVIDENCE);
        const answers = await page.locator('#answers').innerText();
        expect(answers).toContain(SECOND_ANSWER);
        expect(answers).toContain(FIRST_ANSWER);
        const main = await page.locator('main').innerText();
        for (const hidden of [WORDS, NAMED, SUMMARY_WORDS, SUMMARY]) expect(main).not.toContain(hidden);
        await axe('a decision');
        await printReadingAge(page, journey, 'a decision');
        await shot('decision');

        // Back to the list; an unknown decision is the 404 page, in the reader's language.
        await page.locator('.govuk-back-link').click();
        await page.waitForURL((u) => u.pathname === '/boards/northshire/you-said-we-did');
        const lost = await page.goto(url('/boards/northshire/you-said-we-did/decisions/no-such-decision'));
        expect(lost?.status()).toBe(404);
        expect(await page.locator('main').innerText()).toContain(say.notFound);
        await axe('an unknown decision');

        // No address holds anything but the board, a theme's code or a decision's id.
        for (const address of [...asked, page.url()]) {
          const decoded = decodeURIComponent(address);
          for (const code of Object.values(loop.code)) expect(decoded).not.toContain(code);
          for (const id of Object.values(loop.id)) expect(decoded).not.toContain(id);
          for (const words of [WORDS, NAMED, SUMMARY_WORDS, FAMILY_WORDS])
            expect(decoded).not.toContain(words.slice(0, 15));
        }
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

/**
 * Prints the Flesch-Kincaid reading age of an English page's main text (the estimate is for English),
 * without the words young people or the board wrote: they are theirs, not the page's.
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

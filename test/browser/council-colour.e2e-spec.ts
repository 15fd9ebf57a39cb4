import type { Browser, Page } from 'playwright-core';
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

// Issue 22 (councils are not GOV.UK): a board's admin sets the council's colour on the settings page; the
// header of every page of that board (and the footer's top border, govuk-frontend's brand colour) is then
// in it, with the council's name in white, and axe still finds 0 violations. A colour too light for white
// letters is refused, linked to its field. Pages of no board keep govuk-frontend's colours.

const TEST = 'council-colour';
// #8a1538: a council's deep red (7.9:1 with white).
const RED = 'rgb(138, 21, 56)';
// govuk-frontend's generic header and brand colour.
const GOVUK_HEADER = 'rgb(11, 12, 12)';
const GOVUK_BRAND = 'rgb(29, 112, 184)';

describe("the council's colour on its pages", () => {
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

  // As the browser draws them (a script in the page: test/ is compiled without the DOM's types).
  const colours = (page: Page): Promise<unknown> =>
    page.evaluate(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        header: style('.govuk-generic-header').backgroundColor,
        name: style('.govuk-generic-header__homepage-link').color,
        footer: style('.govuk-footer').borderTopColor,
      };
    })()`);

  it('is set by an admin on the settings page, refused when too light, and shown on every page of the board', async () => {
    const { page, context } = await signedInTab(t, browser, 'admin', VIEWPORTS[0]);
    try {
      await page.goto(appUrl(t, '/staff/settings'));
      await eventually(async () => expect(await page.locator('#readingAge').inputValue()).toBe('11'));
      expect(await page.locator('#colour').inputValue()).toBe('');

      // Too light for white letters: refused in words, linked to the field; nothing changes.
      await page.locator('#colour').fill('#ffdd00');
      await page.getByRole('button', { name: 'Save the colour' }).click();
      const errors = page.locator('#colour-errors');
      await errors.waitFor({ state: 'visible' });
      expect(await errors.innerText()).toContain('This colour is too light for white letters on it');
      expect(await page.locator('#colour').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'settings: colour refused');

      await page.locator('#colour').fill('#8A1538');
      await page.getByRole('button', { name: 'Save the colour' }).click();
      await notice(page, 'The board’s pages now show the council’s name on #8a1538.');
      expect(await page.locator('#colour').inputValue()).toBe('#8a1538');

      for (const [path, lang] of [
        ['/boards/northshire', 'en'],
        ['/boards/northshire/give-a-view', 'cy'],
        ['/boards/northshire/you-said-we-did', 'en'],
      ] as const) {
        await page.goto(appUrl(t, `${path}?lang=${lang}`));
        expect(await colours(page)).toEqual({ header: RED, name: 'rgb(255, 255, 255)', footer: RED });
        await expectNoAxeViolations(page, `${path} in ${lang}, in the council's colour`);
        await screenshot(page, TEST, path.split('/').at(-1)!);
      }
      // The site's home and a 404 belong to no board: govuk-frontend's own colours.
      for (const path of ['/', '/no/such/page']) {
        await page.goto(appUrl(t, path));
        expect(await colours(page)).toMatchObject({ header: GOVUK_HEADER, footer: GOVUK_BRAND });
      }
    } finally {
      await context.close();
      const token = await t.signIn('admin@northshire.example');
      await t.request('PUT', '/api/staff/voice-settings/council-colour', { token, body: { colour: null } });
    }
  }, 120_000);
});

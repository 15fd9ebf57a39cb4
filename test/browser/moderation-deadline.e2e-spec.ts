import { ProjectionRunner } from '#event-store';
import type { Browser } from 'playwright-core';
import { ModerationDeadlineStarter } from '../../libs/voice/src/commands/keep-moderation-deadlines/moderation-deadline-starter.js';
import { OverdueModerationSweeper } from '../../libs/voice/src/commands/keep-moderation-deadlines/overdue-moderation-sweeper.js';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  screenshot,
  signedInTab,
  VIEWPORTS,
  type BrowserPage,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The moderation window in real Chromium: a view left unread past 2 working days is listed first on the
// moderation page, "Overdue: escalated to" the moderation lead, with how long it has waited; a newer view
// shows the day it must be read by; the staff home counts the views past their window.

const TEST = 'moderation-deadline';

describe('views past the moderation window, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const tabs: BrowserPage[] = [];
  const late = 'Our youth club shut and nobody told us why. Kestrel-window-7781.';
  const fresh = 'Please put a bench at the bus stop by the college. Otter-window-7782.';

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    // Monday 2 March: due by the end of Wednesday 4 March.
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    expect((await t.request('POST', '/api/public/boards/northshire/views', { body: { text: late } })).status).toBe(201);
    // Thursday 5 March: the first is past its window; the second arrives.
    t.clock.set(new Date('2026-03-05T10:00:00Z'));
    expect((await t.request('POST', '/api/public/boards/northshire/views', { body: { text: fresh } })).status).toBe(
      201,
    );
    await t.app.get(ModerationDeadlineStarter).waitForIdle();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    expect(await t.app.get(OverdueModerationSweeper).sweep()).toBe(1);
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  }, 60_000);

  afterAll(async () => {
    for (const tab of tabs) await tab.context.close();
    await browser?.close();
    await t?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`shows the overdue view first, escalated to the lead, at ${viewport.width} px`, async () => {
      const tab = await signedInTab(t, browser, 'moderator', viewport);
      tabs.push(tab);
      const { page } = tab;
      await page.goto(appUrl(t, '/staff/moderation'));
      const first = page.locator('#queue section').first();
      await first.waitFor();
      expect(await first.innerText()).toContain(late);
      const warning = await first.locator('.overdue-warning').innerText();
      expect(warning).toContain('Overdue: escalated to Morgan Lee (Participation).');
      expect(warning).toContain('due to be read by the end of 4 March 2026 and has waited 3 days (3 working days)');
      const newer = page.locator('#queue section', { hasText: fresh });
      expect(await newer.locator('.hint').first().innerText()).toContain(
        'This view must be read by the end of 9 March 2026. Waiting 0 days (0 working days).',
      );
      expect(await page.locator('#count').innerText()).toContain('1 is past the board’s moderation window');
      await expectNoAxeViolations(page, 'moderation queue with an overdue view');
      await screenshot(page, TEST, 'queue');

      await page.goto(appUrl(t, '/staff/'));
      const line = page.locator('#overdue-views');
      await eventually(async () => expect(await line.isVisible()).toBe(true));
      expect(await line.innerText()).toContain('1 view is waiting past the board’s moderation window');
      expect(await line.getByRole('link', { name: 'Read them in the moderation queue' }).getAttribute('href')).toBe(
        '/staff/moderation',
      );
      await expectNoAxeViolations(page, 'staff home with an overdue view');
    }, 120_000);
  }
});

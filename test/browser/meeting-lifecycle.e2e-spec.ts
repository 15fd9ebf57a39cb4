import { randomUUID } from 'node:crypto';
import { ProjectionRunner } from '#event-store';
import type { Browser, Page } from 'playwright-core';
import { MeetingFixture } from '../board/support/meeting-fixture.js';
import { ViewFixture } from '../voice/staff-support.js';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  notice,
  press,
  readsAfterWrites,
  screenshot,
  signedInTab,
  VIEWPORTS,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A meeting's life around the console, at 360 px (axe on every state) with screenshots at both widths:
// a declaration of interest at the meeting, the minutes drafted after it, approved by the chair at the
// next meeting and published; another meeting moved, and a third cancelled.

const TEST = 'lifecycle';

describe('a meeting’s life on the console', () => {
  let t: TestApp;
  let browser: Browser;
  let held: string;
  let next: string;
  let toMove: string;
  let meetings: MeetingFixture;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100', RATE_LIMIT_DEFAULT_PER_MINUTE: '1000' });
    browser = await launchBrowser();
    const chair = await t.signIn('chair@northshire.example');
    const me = (await t.request('GET', '/api/auth/me', { token: chair })).json<{ userId: string; tenantId: string }>();
    tenantId = me.tenantId;
    meetings = await MeetingFixture.forTenant(t, me.tenantId, me.userId);
    held = await meetings.inProgress({ startsAt: '2026-04-14T17:30:00+01:00' });
    next = await meetings.inProgress({ startsAt: '2026-05-12T17:30:00+01:00' });
    toMove = await meetings.published({ startsAt: '2026-06-09T17:30:00+01:00' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const url = (path: string) => appUrl(t, path);
  const [narrow, wide] = VIEWPORTS;

  it('records a declaration, drafts, approves and publishes minutes, moves and cancels meetings', async () => {
    const chairTab = await signedInTab(t, browser, 'chair', narrow);
    const clerkTab = await signedInTab(t, browser, 'clerk', narrow);
    const chair = chairTab.page;
    const clerk = clerkTab.page;

    // At the meeting: the chair records a councillor's interest in the item for decision.
    await chair.goto(url(`/staff/meetings/${held}`));
    await chair.locator('#interest-form:not([hidden])').waitFor();
    await chair.locator('#interest-member').selectOption({ label: 'Councillor' });
    await chair.locator('#interest-item').selectOption({ label: 'Placement stability: quarterly report' });
    await press(chair, '#interest-form button[type=submit]');
    await chair.locator('#interest-form .error-summary:not([hidden])').waitFor();
    await expectNoAxeViolations(chair, 'declaration refused');
    await chair.locator('#interest-nature').fill('Foster carer for the council');
    await press(chair, '#interest-form button[type=submit]');
    await notice(chair, 'Declaration recorded');
    expect(await chair.locator('#interests-list').innerText()).toContain(
      'Councillor, on “Placement stability: quarterly report”: Foster carer for the council',
    );
    await expectNoAxeViolations(chair, 'declaration recorded');
    await press(chair, '#close-form button[type=submit]');
    await notice(chair, 'The meeting is closed');

    // After it: the clerk marks the minutes drafted.
    await clerk.goto(url(`/staff/meetings/${held}`));
    await clerk.locator('#draft-form:not([hidden])').waitFor();
    expect(await clerk.locator('#minutes-state').innerText()).toBe(
      'Taken at the meeting; not yet drafted for approval.',
    );
    await press(clerk, '#draft-form button[type=submit]');
    await notice(clerk, 'Minutes drafted');
    await expectNoAxeViolations(clerk, 'minutes drafted');

    // At the next meeting: the chair approves them as a correct record.
    await chair.goto(url(`/staff/meetings/${next}`));
    const approve = chair.getByRole('button', { name: /^Approve the minutes of “Corporate Parenting Board”/ });
    await approve.waitFor();
    await expectNoAxeViolations(chair, 'minutes to approve');
    await approve.click();
    await notice(chair, 'approved as a correct record');
    expect(await chair.locator('#approve-section').isHidden()).toBe(true);

    // The clerk publishes them.
    await clerk.goto(url(`/staff/meetings/${held}`));
    await clerk.locator('#publish-minutes-form:not([hidden])').waitFor();
    expect(await clerk.locator('#minutes-state').innerText()).toMatch(/Approved as a correct record/);
    await press(clerk, '#publish-minutes-form button[type=submit]');
    await notice(clerk, 'Minutes published');
    await eventually(async () => expect(await clerk.locator('#minutes-state').innerText()).toMatch(/^Published on /));
    await expectNoAxeViolations(clerk, 'minutes published');
    await screenshot(clerk, TEST, 'minutes-published');
    await clerk.setViewportSize(wide);
    await screenshot(clerk, TEST, 'minutes-published');

    // Another meeting moves a week later (the time typed is UK time), then is cancelled.
    await clerk.setViewportSize(narrow);
    await clerk.goto(url(`/staff/meetings/${toMove}`));
    await clerk.locator('#change-section:not([hidden])').waitFor();
    await clerk.locator('#new-startsAt').fill('2026-06-16T18:00');
    await clerk.locator('#new-place').fill('Room 2, County Hall');
    await press(clerk, '#reschedule-form button[type=submit]');
    await notice(clerk, 'The meeting has moved');
    expect(await clerk.locator('#facts').innerText()).toMatch(/^16 June 2026 at 6pm, Room 2, County Hall/);
    const moved = await t.request('GET', `/api/meetings/${toMove}`, {
      token: await t.signIn('clerk@northshire.example'),
    });
    expect(moved.json<{ startsAt: string }>().startsAt).toBe('2026-06-16T17:00:00Z');
    await press(clerk, '#cancel-form button[type=submit]');
    await clerk.locator('#cancel-form .error-summary:not([hidden])').waitFor();
    await expectNoAxeViolations(clerk, 'cancel refused');
    await clerk.locator('#cancel-reason').fill('The report is not ready; it goes to July.');
    await press(clerk, '#cancel-form button[type=submit]');
    await notice(clerk, 'The meeting is cancelled');
    expect(await clerk.locator('#facts').innerText()).toMatch(/Status: cancelled/);
    expect(await clerk.locator('#change-section').isHidden()).toBe(true);
    await expectNoAxeViolations(clerk, 'meeting cancelled');
    await screenshot(clerk, TEST, 'meeting-cancelled');

    // No polling: every read after a write waited for that write (X-Read-After), and the pages showed it.
    for (const tab of [chairTab, clerkTab]) {
      const reads = readsAfterWrites(tab);
      expect(reads.without).toBe(0);
      expect(reads.with).toBeGreaterThan(0);
    }
  }, 120_000);

  // Views waiting to be tabled, accepted by the moderator: a third of them shared "summary only".
  async function acceptedViews(count: number): Promise<void> {
    const views = new ViewFixture(t);
    const moderator = await t.signIn('moderator@northshire.example');
    const themes = ['placement-stability', 'education-and-attendance', 'health'];
    for (let i = 0; i < count; i++) {
      const contributionId = randomUUID();
      const sharing = i % 3 === 2 ? 'summary-only' : 'verbatim';
      await views.run(tenantId, {
        type: 'SubmitContribution',
        data: {
          contributionId,
          text: `I would like the board to know thing number ${i + 1} about my life in care.`,
          themes: [themes[i % 3]!],
          channel: 'online',
          sharing,
          receiptCodeHash: `hash-${contributionId}`,
          authorPseudonym: `yp-${contributionId}`,
          at: t.clock.now().toISOString(),
          facts: { screening: { flagged: false, matchedCategories: [] } },
        },
      });
      await views.caughtUp();
      const body = sharing === 'summary-only' ? { summary: `In short: thing number ${i + 1}.` } : {};
      const accepted = await t.request('POST', `/api/moderation/views/${contributionId}/accept`, {
        token: moderator,
        body,
      });
      expect(accepted.status).toBe(200);
    }
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  }

  const scrollHeight = (page: Page) => page.evaluate('document.documentElement.scrollHeight') as Promise<number>;
  const sideways = (page: Page) =>
    page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
  // At 320 px nothing scrolls sideways (WCAG 1.4.10); then back to the phone's width.
  async function fits320(page: Page): Promise<void> {
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize(narrow);
  }
  // No long id in anything a person reads: views and decisions go by V-0123 and D-0042.
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  const visibleText = (page: Page) => page.evaluate('document.body.innerText') as Promise<string>;
  // Nor a missing value printed as a word.
  const NOTHING = /\b(undefined|null|NaN)\b/;

  it('runs an inquorate meeting until it is quorate, then records a decision after checking the answers', async () => {
    // A former member of the board can stand in as a substitute.
    const clerkToken = await t.signIn('clerk@northshire.example');
    const former = await t.request('POST', '/api/board/members', {
      token: clerkToken,
      body: { name: 'Cllr Sam Lee', role: 'councillor', appointedOn: '2025-01-06' },
    });
    expect(former.status).toBe(201);
    const formerId = former.json<{ memberId: string }>().memberId;
    const stoodDown = await t.request('POST', `/api/board/members/${formerId}/stand-down`, {
      token: clerkToken,
      body: { on: '2026-01-01', reason: 'End of term' },
    });
    expect(stoodDown.status).toBe(200);
    const meetingId = await meetings.published({ startsAt: t.clock.now().toISOString() });
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });

    const chairTab = await signedInTab(t, browser, 'chair', narrow);
    const chair = chairTab.page;
    await chair.goto(url(`/staff/meetings/${meetingId}`));
    await chair.locator('#open-form:not([hidden])').waitFor();
    // Two here (the chair, and a substitute for the councillor) of a quorum of three.
    const councillor = chair.locator('#attendance-members fieldset', { hasText: 'Councillor' }).first();
    await councillor.locator('input[value="substitute"]').check();
    await councillor.locator('select').selectOption({ label: 'Cllr Sam Lee' });
    for (const name of ['Director', 'Representative']) {
      await chair.locator('#attendance-members fieldset', { hasText: name }).locator('input[value="absent"]').check();
    }
    await expectNoAxeViolations(chair, 'opening with a substitute');
    await fits320(chair);
    await press(chair, '#open-form button[type=submit]');
    await notice(chair, 'The meeting is open: 2 present, quorum 3.');
    expect(await chair.locator('#quorum').innerText()).toBe('2 present, quorum 3.');
    expect(await chair.locator('#inquorate').innerText()).toContain(
      'This meeting is not quorate: it cannot record decisions',
    );
    expect(await chair.locator('#attendance-list').innerText()).toContain(
      'Cllr Sam Lee, substitute for Councillor: present',
    );
    // No decision form while inquorate, saying why.
    const item = chair.getByRole('region', { name: 'Item 5: Placement stability: quarterly report' });
    expect(await item.locator('form').count()).toBe(0);
    expect(await item.innerText()).toContain('No decision can be recorded here until the meeting is quorate again');
    await expectNoAxeViolations(chair, 'inquorate');
    await fits320(chair);
    await screenshot(chair, TEST, 'inquorate');

    // The director arrives: quorate, and the decision form is there.
    await chair.getByRole('button', { name: 'Arrived: Director' }).click();
    await notice(chair, 'Director arrived. 3 present, quorum 3.');
    expect(await chair.locator('#inquorate').isHidden()).toBe(true);
    expect(await chair.locator('#quorum').innerText()).toBe('3 present, quorum 3. The meeting is quorate.');
    // Focus stays with the person's line, on its new button.
    expect(await chair.evaluate('document.activeElement?.textContent')).toBe('Left');
    await expectNoAxeViolations(chair, 'quorate');
    // The decision form is folded until the chair opens it.
    await item.locator('summary', { hasText: 'Record a decision on' }).click();
    await item.locator('textarea[name="resolution"]').fill('The board asks for the report again in July.');
    await item.locator('textarea[name="reasons"]').fill('The figures arrived late.');
    await item.locator('textarea[name="noneApplied"]').fill('No views were about this report yet.');
    // Someone arrives while the chair is writing: the page is drawn again, and nothing typed is lost.
    await chair.getByRole('button', { name: 'Arrived: Representative' }).click();
    await notice(chair, 'Representative arrived. 4 present, quorum 3.');
    expect(await item.locator('details', { hasText: 'Record a decision on' }).getAttribute('open')).not.toBeNull();
    expect(await item.locator('textarea[name="resolution"]').inputValue()).toBe(
      'The board asks for the report again in July.',
    );
    expect(await item.locator('textarea[name="reasons"]').inputValue()).toBe('The figures arrived late.');
    expect(await item.locator('textarea[name="noneApplied"]').inputValue()).toBe(
      'No views were about this report yet.',
    );
    await item.getByRole('button', { name: 'Continue' }).click();
    const answers = item.locator('.check-answers');
    await answers.waitFor();
    expect(await answers.innerText()).toContain('The board asks for the report again in July.');
    await expectNoAxeViolations(chair, 'check your answers');
    await fits320(chair);
    // Change goes back to the field; Continue shows the answers again.
    await answers.getByRole('link', { name: 'Change reasons' }).click();
    expect(await item.locator('textarea[name="reasons"]').evaluate((n) => n === n.ownerDocument.activeElement)).toBe(
      true,
    );
    await item.locator('textarea[name="reasons"]').fill('The figures arrived late and were incomplete.');
    await item.getByRole('button', { name: 'Continue' }).click();
    expect(await answers.innerText()).toContain('The figures arrived late and were incomplete.');
    await answers.getByRole('button', { name: 'Record the decision' }).click();
    await notice(chair, /^Decision D-\d{4} recorded for “Placement stability: quarterly report”\.$/);
    expect(await item.innerText()).toMatch(/D-\d{4} \(Resolution\): The board asks for the report again in July\./);
    expect(await visibleText(chair)).not.toMatch(UUID);
    expect(await visibleText(chair)).not.toMatch(NOTHING);
    await expectNoAxeViolations(chair, 'decision recorded');
    await chairTab.context.close();
  }, 120_000);

  it('the console of a meeting with 30 waiting views is short at 360 px and fits 320 px', async () => {
    await acceptedViews(30);
    const demo = await meetings.inProgress();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
    for (const role of ['clerk', 'chair']) {
      const tab = await signedInTab(t, browser, role, narrow);
      const page = tab.page;
      await page.goto(url(`/staff/meetings/${demo}`));
      await page.locator('#items section').first().waitFor();
      await page.waitForLoadState('networkidle');
      const height = await scrollHeight(page);
      console.log(`console height at 360 px as ${role}: ${height}`);
      // Under six screens of a 740 px phone (it was 54,638 px for the clerk before one picker per item).
      expect(height).toBeLessThan(6 * 740);
      expect(await visibleText(page)).not.toMatch(UUID);
      expect(await visibleText(page)).not.toMatch(NOTHING);
      await expectNoAxeViolations(page, `console with 30 waiting views (${role})`);
      // Keyboard jump links to each item.
      const jump = page.locator('#jump a').first();
      expect(await jump.innerText()).toMatch(/^1\. /);
      await jump.focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement?.textContent')).toMatch(/^Item 1: /);
      if (role === 'clerk') {
        // The picker: about the item's themes by default, all on asking, searchable, by short reference.
        const item = page.getByRole('region', { name: 'Item 5: Placement stability: quarterly report' });
        const picker = item.locator('details.view-picker');
        expect(await picker.locator('summary').innerText()).toBe(
          'Table views at this item (30 waiting, 10 about its themes)',
        );
        await picker.locator('summary').click();
        // The picker fills when it opens (its toggle event comes after the click): wait for its first view.
        await picker.locator('input[name="ready"]').first().waitFor();
        expect(await picker.locator('input[name="ready"]').count()).toBe(10);
        await picker.locator('input[value="all"]').check();
        expect(await picker.locator('input[name="ready"]').count()).toBe(30);
        const first = await picker.locator('.view-choice label').first().innerText();
        expect(first).toMatch(/^V-\d{4} about /);
        await picker.locator('input[type="search"]').fill('thing number 7 ');
        expect(await picker.locator('input[name="ready"]').count()).toBe(1);
        await picker.locator('input[type="search"]').fill('In short: thing number 3.');
        expect(await picker.locator('.view-choice').innerText()).toContain('A summary written by the moderator.');
        expect(await visibleText(page)).not.toMatch(UUID);
        await expectNoAxeViolations(page, 'console: the picker open');
      }
      await page.setViewportSize({ width: 320, height: 740 });
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await tab.context.close();
    }
  }, 180_000);
});

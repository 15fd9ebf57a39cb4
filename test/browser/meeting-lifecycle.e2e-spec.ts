import type { Browser } from 'playwright-core';
import { MeetingFixture } from '../board/support/meeting-fixture.js';
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

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    const chair = await t.signIn('chair@northshire.example');
    const me = (await t.request('GET', '/api/auth/me', { token: chair })).json<{ userId: string; tenantId: string }>();
    const meetings = await MeetingFixture.forTenant(t, me.tenantId, me.userId);
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
    expect(await clerk.locator('#facts').innerText()).toMatch(/^16 June 2026, Room 2, County Hall/);
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
});

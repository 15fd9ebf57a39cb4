import { ProjectionRunner } from '#event-store';
import type { Browser } from 'playwright-core';
import {
  appUrl,
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  notice,
  openPage,
  press,
  screenshot,
  signedInTab,
  tabTo,
  VIEWPORTS,
  type BrowserPage,
} from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The cross-user journey in real Chromium: a young person's view is given, the moderator accepts it on
// the moderation page, the clerk builds the agenda and the chair publishes it, opens the meeting with
// attendance, the clerk tables the view at the item, the chair records a decision citing it (picked,
// with its influence and rationale), feedback is written, and the young person reads the answer with
// their code. Every state has 0 axe violations; no URL ever carries the code or the words.

const TEST = 'board';

describe('the board’s work in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const tabs: BrowserPage[] = [];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SIGN_INS_PER_MINUTE: '100' });
    browser = await launchBrowser();
    t.clock.set(new Date('2026-03-02T09:00:00Z'));
    const clerk = await t.signIn('clerk@northshire.example');
    const configured = await t.request('PUT', '/api/board', {
      token: clerk,
      body: {
        name: 'Northshire Corporate Parenting Board',
        council: 'Northshire County Council',
        jurisdiction: 'england',
        quorum: 3,
        termsOfReference: 'To hold the council to account as corporate parent.',
      },
    });
    expect(configured.status).toBe(200);
    for (const [name, role] of [
      ['Cllr Priya Shah', 'chair'],
      ['Cllr Tom Evans', 'councillor'],
      ['Cllr Jo Reid', 'councillor'],
      ['Jordan', 'young-person-representative'],
    ]) {
      const appointed = await t.request('POST', '/api/board/members', {
        token: clerk,
        body: { name, role, appointedOn: '2026-01-01' },
      });
      expect(appointed.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const caughtUp = () => t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  const url = (path: string) => appUrl(t, path);

  async function signedIn(role: string, viewport: (typeof VIEWPORTS)[number]): Promise<BrowserPage> {
    const tab = await signedInTab(t, browser, role, viewport);
    tabs.push(tab);
    return tab;
  }

  for (const viewport of VIEWPORTS) {
    it(`a view goes from a young person to a decision and back at ${viewport.width} px`, async () => {
      const w = viewport.width;
      const words = `Nobody asked me before I moved. Heron-${w}-kettle.`;
      const answer = `From now on every child gets a say in the plan and a named worker for the move (${w}).`;

      // A young person gives a view through the public route.
      t.clock.set(new Date('2026-03-02T09:00:00Z'));
      const given = await t.request('POST', '/api/public/boards/northshire/views', {
        body: { text: words, sharing: 'verbatim', themes: ['placement-stability'] },
      });
      expect(given.status).toBe(201);
      const code = given.json<{ receiptCode: string }>().receiptCode;
      const unclear = `I want the thing changed, ask Kayleigh. Puffin-${w}.`;
      const worrying = `Someone at home scares me. Badger-${w}.`;
      for (const [text, sharing] of [
        [unclear, 'anonymised'],
        [worrying, 'summary-only'],
      ]) {
        const body = { text, sharing };
        expect((await t.request('POST', '/api/public/boards/northshire/views', { body })).status).toBe(201);
      }
      await caughtUp();

      // The moderator accepts it on the moderation page, by keyboard.
      const moderator = await signedIn('moderator', viewport);
      let page = moderator.page;
      await page.goto(url('/staff/moderation'));
      const card = page.locator('#queue section', { hasText: words });
      await card.waitFor();
      await expectNoAxeViolations(page, 'moderation queue');
      await screenshot(page, TEST, 'moderation-queue');
      const reference = (await card.locator('li', { hasText: 'Reference:' }).innerText()).replace('Reference: ', '');
      // Redactions start from the words as written.
      await card.locator('input[value="accept-with-redactions"]').check();
      expect(await card.locator('textarea[name="redactedText"]').inputValue()).toBe(words);
      await expectNoAxeViolations(page, 'moderation: redactions box');
      // Arrow keys move within a radio group, as in any form.
      await tabTo(page, card.locator('input[value="accept-with-redactions"]'));
      await page.keyboard.press('ArrowUp');
      expect(await card.locator('input[value="accept"]').isChecked()).toBe(true);
      expect(await card.locator('textarea[name="redactedText"]').isVisible()).toBe(false);
      await tabTo(page, card.getByRole('button', { name: 'Confirm' }));
      await page.keyboard.press('Enter');
      await notice(page, 'View accepted');
      await eventually(async () => expect(await page.locator('#queue').innerText()).not.toContain(words));
      await expectNoAxeViolations(page, 'moderation: accepted');

      // Ask the author of an unclear view a question. Shared "anonymised", it shows first what others
      // will see and what was taken out.
      const unclearCard = page.locator('#queue section', { hasText: unclear });
      const preview = await unclearCard.locator('.inset').innerText();
      expect(preview).toContain('What the board and the public will see');
      expect(preview).toContain('I want the thing changed, ask [name].');
      expect(preview).toContain('Name: Kayleigh');
      await unclearCard.locator('input[value="ask"]').check();
      await unclearCard.locator('textarea[name="question"]').fill('What would you like changed?');
      await unclearCard.getByRole('button', { name: 'Confirm' }).click();
      await notice(page, 'Question sent');
      // Escalate a worrying one: without a reason it is refused in words, then sent.
      const worryCard = page.locator('#queue section', { hasText: worrying });
      await worryCard.locator('input[value="escalate"]').check();
      await worryCard.getByRole('button', { name: 'Confirm' }).click();
      await worryCard.locator('.error-summary:not([hidden])').waitFor();
      expect(await worryCard.locator('.error-summary').innerText()).toContain('Say why you are worried');
      await expectNoAxeViolations(page, 'moderation: escalation refused');
      await worryCard.locator('textarea[name="reason"]').fill('The young person says they are scared at home.');
      await worryCard.getByRole('button', { name: 'Confirm' }).click();
      await notice(page, 'Escalated for safeguarding');
      await eventually(async () => expect(await page.locator('#queue').innerText()).not.toContain(worrying));
      await screenshot(page, TEST, 'moderation-accepted');

      // The clerk schedules a meeting and builds its agenda on the console.
      const clerkToken = await t.signIn('clerk@northshire.example');
      const scheduled = await t.request('POST', '/api/meetings', {
        token: clerkToken,
        body: { title: `Spring board ${w}`, startsAt: '2026-03-20T17:00:00Z', place: 'County Hall' },
      });
      expect(scheduled.status).toBe(201);
      const meetingId = scheduled.json<{ meetingId: string }>().meetingId;
      await caughtUp();
      const clerk = await signedIn('clerk', viewport);
      page = clerk.page;
      await page.goto(url(`/staff/meetings/${meetingId}`));
      await page.locator('#add-item-section:not([hidden])').waitFor();
      await page.locator('#item-title').fill('Stability of placements');
      await page.locator('#item-lead').fill('Director of Children’s Services');
      await page.locator('#item-themes input[value="placement-stability"]').check();
      await press(page, '#add-item-form button[type=submit]');
      await notice(page, 'Item added');
      const row = page.locator('#agenda tr', { hasText: 'Stability of placements' });
      await row.waitFor();
      const rows = () => page.locator('#agenda th[scope=row]').allInnerTexts();
      const last = (await rows()).indexOf('Stability of placements');
      expect(last).toBe((await rows()).length - 1);
      await press(page, `#agenda tr:has-text("Stability of placements") button:has-text("Move up")`);
      await notice(page, 'Moved');
      await eventually(async () => expect((await rows()).indexOf('Stability of placements')).toBe(last - 1));
      await expectNoAxeViolations(page, 'console: agenda built');
      // The agenda with its move and withdraw buttons fits 320 px: no sideways scroll (WCAG 1.4.10).
      await page.setViewportSize({ width: 320, height: 740 });
      expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(
        0,
      );
      await page.setViewportSize(viewport);
      await screenshot(page, TEST, 'console-agenda');

      // The chair publishes the agenda with notice; a meeting too soon is refused with the rule's words.
      t.clock.set(new Date('2026-03-03T10:00:00Z'));
      const chair = await signedIn('chair', viewport);
      page = chair.page;
      // The clerk schedules it on the meetings page (the list links to each meeting's console).
      const clerkDay1 = await signedIn('clerk', viewport);
      const mp = clerkDay1.page;
      await mp.goto(url('/staff/meetings'));
      await mp.locator('#schedule-section:not([hidden])').waitFor();
      await eventually(async () => expect(await mp.locator('#upcoming').innerText()).toContain(`Spring board ${w}`));
      await expectNoAxeViolations(mp, 'meetings list');
      await mp.locator('#title').fill(`Too soon ${w}`);
      await mp.locator('#startsAt').fill('2026-03-05T17:00');
      await mp.locator('#place').fill('County Hall');
      await press(mp, '#schedule-form button[type=submit]');
      await mp.locator('#done a').waitFor();
      await eventually(async () => expect(await mp.locator('#upcoming').innerText()).toContain(`Too soon ${w}`));
      await expectNoAxeViolations(mp, 'meetings: scheduled');
      await screenshot(mp, TEST, 'meetings');
      const soonHref = await mp.locator('#done a').getAttribute('href');
      expect(soonHref).toMatch(/^\/staff\/meetings\/[A-Za-z0-9-]+$/);
      await page.goto(url(soonHref!));
      await page.locator('#publish-section:not([hidden])').waitFor();
      await press(page, '#publish-form button[type=submit]');
      await page.locator('#error-summary:not([hidden])').waitFor();
      expect(await page.locator('#error-summary').innerText()).toMatch(/clear working days/);
      expect(await page.locator('#attendance-section').isHidden()).toBe(true);
      await expectNoAxeViolations(page, 'console: late agenda refused');
      await screenshot(page, TEST, 'console-late-agenda');

      await page.goto(url(`/staff/meetings/${meetingId}`));
      await page.locator('#publish-section:not([hidden])').waitFor();
      await tabTo(page, page.locator('#publish-form button[type=submit]'), 200);
      await page.keyboard.press('Enter');
      await notice(page, 'Agenda published');
      expect(await page.locator('#notice-words').innerText()).toMatch(/clear working days/);

      // The meeting: the chair opens it with attendance (one member sends apologies).
      t.clock.set(new Date('2026-03-20T17:05:00Z'));
      const chairAtMeeting = await signedIn('chair', viewport);
      page = chairAtMeeting.page;
      await page.goto(url(`/staff/meetings/${meetingId}`));
      await page.locator('#attendance-section:not([hidden])').waitFor();
      const jo = page.locator('#attendance-members fieldset', { hasText: 'Cllr Jo Reid' });
      await jo.locator('input[value="apologies"]').check();
      await expectNoAxeViolations(page, 'console: attendance');
      await screenshot(page, TEST, 'console-attendance');
      await press(page, '#open-form button[type=submit]');
      await notice(page, 'The meeting is open');
      expect(await page.locator('#facts').innerText()).toMatch(/in progress/);

      // The clerk records minutes and tables the accepted view at the item.
      const clerkAtMeeting = await signedIn('clerk', viewport);
      const cp = clerkAtMeeting.page;
      await cp.goto(url(`/staff/meetings/${meetingId}`));
      const clerkItem = cp.getByRole('region', { name: /^Item \d+: Stability of placements$/ });
      await clerkItem.waitFor();
      // Each item's minutes form is folded, like its view picker, so the console stays short.
      await clerkItem.locator('summary', { hasText: 'Write the minutes' }).click();
      await clerkItem
        .locator('textarea[name="text"]')
        .fill('The board heard the report and the views of young people.');
      await clerkItem.getByRole('button', { name: 'Save the minutes' }).click();
      await notice(cp, 'Minutes saved');
      const clerkItemAgain = cp.getByRole('region', { name: /^Item \d+: Stability of placements$/ });
      // One picker per item, folded: it lists the views about the item's themes, by short reference.
      await clerkItemAgain.locator('summary', { hasText: 'Table views at this item' }).click();
      const picked = clerkItemAgain.locator('.view-choice', { has: cp.locator(`input[value="${reference}"]`) });
      expect(await picked.locator('label').innerText()).toMatch(/^V-\d{4} about where I live and moving home, waiting/);
      await expectNoAxeViolations(cp, 'console: view picker');
      await clerkItemAgain.locator(`input[name="ready"][value="${reference}"]`).check();
      await clerkItemAgain.getByRole('button', { name: 'Table these views' }).focus();
      await cp.keyboard.press('Enter');
      await notice(cp, 'Tabled the view(s)');
      const considered = cp
        .getByRole('region', { name: /^Item \d+: Stability of placements$/ })
        .locator('form', { hasText: 'Views tabled here' });
      expect(await considered.locator(`input[name="considered"][value="${reference}"]`).isChecked()).toBe(true);
      await considered.getByRole('button', { name: 'Mark them considered' }).click();
      await notice(cp, 'Marked the view(s) considered');
      await expectNoAxeViolations(cp, 'console: view tabled');
      await screenshot(cp, TEST, 'console-tabled');
      await caughtUp();

      // The chair records the decision, picking the tabled view with its influence and rationale.
      await page.reload();
      const item = page.getByRole('region', { name: /^Item \d+: Stability of placements$/ });
      await item.waitFor();
      await item.locator('summary', { hasText: 'Record a decision on' }).click();
      await item.locator('textarea[name="resolution"]').fill('Every child moving placement gets a named worker.');
      await item.locator('textarea[name="reasons"]').fill('Young people told us moves felt sudden.');
      // The picker lists the view tabled here; citing it without saying what it did is refused.
      await item.locator(`input[name="cite"][value="${reference}"]`).check();
      const cited = item.locator('li.citation', { has: page.locator(`input[value="${reference}"]`) });
      expect(await cited.locator('legend').innerText()).toMatch(/^What did V-\d{4} do\?$/);
      // Check your answers first: the summary, then the record; the API refuses a citation without influence.
      await item.getByRole('button', { name: 'Continue' }).click();
      await item.locator('.check-answers:not([hidden])').waitFor();
      await expectNoAxeViolations(page, 'decision: check your answers');
      await item.getByRole('button', { name: 'Record the decision' }).click();
      await item.locator('.error-summary:not([hidden])').waitFor();
      await expectNoAxeViolations(page, 'decision: picker refused');
      await cited.locator('input[value="shaped"]').check();
      await cited.locator('textarea[name="rationale"]').fill('The words "nobody asked me" led to the named worker.');
      await expectNoAxeViolations(page, 'decision: view picked');
      await screenshot(page, TEST, 'decision-picker');
      await item.getByRole('button', { name: 'Continue' }).focus();
      await page.keyboard.press('Enter');
      const answers = await item.locator('.check-answers').innerText();
      expect(answers).toContain('Every child moving placement gets a named worker.');
      expect(answers).toMatch(/What V-\d{4} did\s+Shaped the decision\. The words "nobody asked me"/);
      await item.getByRole('button', { name: 'Record the decision' }).focus();
      await page.keyboard.press('Enter');
      await notice(page, /Decision D-\d{4} recorded/);
      // Focus stays at the item, not the top of the page.
      expect(await page.evaluate('document.activeElement?.textContent')).toMatch(/^Item \d+: Stability of placements$/);
      expect(await page.locator('#items').innerText()).toContain('Every child moving placement gets a named worker.');
      await expectNoAxeViolations(page, 'decision recorded');
      await press(page, '#close-form button[type=submit]');
      await notice(page, 'The meeting is closed');
      await expectNoAxeViolations(page, 'meeting closed');
      await screenshot(page, TEST, 'meeting-closed');
      await caughtUp();

      const decisions = await t.request('GET', `/api/meetings/${meetingId}`, {
        token: await t.signIn('chair@northshire.example'),
      });
      const decision = decisions.json<{ decisions: Array<{ decisionId: string }> }>().decisions[0]!;
      const influence = await t.request('GET', `/api/insight/decisions/${decision.decisionId}/influence`, {
        token: await t.signIn('chair@northshire.example'),
      });
      expect(influence.text).toContain(reference);
      expect(influence.text).toContain('shaped');

      // The chair gives the officer an action; the officer records progress and completion on the actions page.
      const officerUser = await t.request('POST', '/api/auth/sign-in', {
        body: { tenant: 'northshire', email: 'officer@northshire.example', password: 'demo-board-2026' },
      });
      const officer = officerUser.json<{ userId: string; displayName: string }>();
      // The chair gives the action on the console, to the officer by name.
      const givePage = (await signedIn('chair', viewport)).page;
      await givePage.goto(url(`/staff/meetings/${meetingId}`));
      const decided = givePage.getByRole('region', { name: /^Item \d+: Stability of placements$/ });
      await decided.locator('summary', { hasText: 'Give an action' }).click();
      await decided.locator('textarea[name="description"]').fill(`Name a worker for every planned move (${w})`);
      await decided.locator('select[name="owner"]').selectOption({ label: officer.displayName });
      await decided.locator('input[name="dueOn"]').fill('2026-05-01');
      await expectNoAxeViolations(givePage, 'console: giving an action');
      await decided.getByRole('button', { name: 'Give the action' }).click();
      await notice(givePage, 'Action given');
      await caughtUp();
      const officerTab = await signedIn('officer', viewport);
      const ap = officerTab.page;
      await ap.goto(url('/staff/actions'));
      const action = ap.getByRole('region', { name: `Name a worker for every planned move (${w})` });
      await action.waitFor();
      await expectNoAxeViolations(ap, 'actions');
      await action.locator('textarea').fill('Guidance drafted.');
      await action.getByRole('button', { name: 'Record progress' }).focus();
      await ap.keyboard.press('Enter');
      await notice(ap, 'Progress recorded');
      expect(
        await ap.getByRole('region', { name: `Name a worker for every planned move (${w})` }).innerText(),
      ).toContain('Progress notes: 1');
      await ap
        .getByRole('region', { name: `Name a worker for every planned move (${w})` })
        .locator('textarea')
        .fill('Every move now has a named worker.');
      await ap
        .getByRole('region', { name: `Name a worker for every planned move (${w})` })
        .getByRole('button', { name: 'Mark as done' })
        .click();
      await notice(ap, 'marked as done');
      await ap.locator('#status').selectOption('completed');
      await press(ap, '#filter-form button[type=submit]');
      await eventually(async () => expect(await ap.locator('#actions').innerText()).toContain(`planned move (${w})`));
      await expectNoAxeViolations(ap, 'actions: completed');
      await screenshot(ap, TEST, 'actions');

      // The clerk writes the answer on the console; the young person reads it with their code.
      await cp.reload();
      const answerForm = cp
        .getByRole('region', { name: /^Item \d+: Stability of placements$/ })
        .locator('form', { hasText: 'Answer the young people' });
      await answerForm.waitFor();
      expect(await answerForm.locator(`input[name="contributionIds"][value="${reference}"]`).isChecked()).toBe(true);
      await answerForm.locator('textarea[name="text"]').fill(answer);
      await answerForm.getByRole('button', { name: 'Send the answer' }).focus();
      await cp.keyboard.press('Enter');
      await notice(cp, 'Answer sent');
      expect(await answerForm.innerText()).toMatch(/Reading age about \d+/);
      await expectNoAxeViolations(cp, 'console: answer sent');
      await screenshot(cp, TEST, 'console-answer');
      await caughtUp();
      const young = await openPage(browser, viewport);
      tabs.push(young);
      await young.page.goto(url('/check'));
      await tabTo(young.page, young.page.locator('#receiptCode'));
      await young.page.keyboard.type(code);
      await young.page.keyboard.press('Enter');
      await young.page.locator('#feedback').waitFor({ state: 'visible' });
      expect(await young.page.locator('#feedback-text').innerText()).toBe(answer);
      await expectNoAxeViolations(young.page, 'check: answered');
      await screenshot(young.page, TEST, 'check-answered');

      // No URL any tab asked for carried the code or the words.
      const compact = code.replaceAll('-', '');
      for (const tab of tabs) {
        for (const address of tab.urls) {
          const decoded = decodeURIComponent(address);
          expect(decoded).not.toContain(code);
          expect(decoded.toUpperCase()).not.toContain(compact);
          expect(decoded).not.toContain('Heron');
          expect(decoded).not.toContain('Nobody asked');
          expect(decoded).not.toMatch(/Puffin|Badger|scares me/);
        }
      }
      for (const tab of tabs.splice(0)) await tab.context.close();
    }, 180_000);
  }
});

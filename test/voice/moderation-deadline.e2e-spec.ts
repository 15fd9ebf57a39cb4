// Every view is read by a person within the board's moderation window (2 working days by default),
// whatever the screen said: past it, the view escalates to the moderation lead, once, durably across a
// restart; a view a moderator read in time never escalates; a view the screen withheld has its
// safeguarding case instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { moderationDeadlineStream } from '../../libs/voice/src/domain/index.js';
import { ModerationDeadlineStarter } from '../../libs/voice/src/commands/keep-moderation-deadlines/moderation-deadline-starter.js';
import { OverdueModerationSweeper } from '../../libs/voice/src/commands/keep-moderation-deadlines/overdue-moderation-sweeper.js';
import type { QueuedView } from '../../libs/voice/src/read-models/moderation-queue/moderation-queue.query.js';
import { SafeguardingCaseOpener } from '../../libs/voice/src/commands/run-safeguarding-case/safeguarding-case-opener.js';
import { Callers } from '../board/decisions-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Thursday 2 April 2026, 10:00 in London: Good Friday, the weekend and Easter Monday follow.
const THURSDAY = new Date('2026-04-02T09:00:00Z');
// The end of Wednesday 8 April (London), the second working day after the Thursday.
const DUE_BY = '2026-04-08T23:00:00.000Z';

const WAITING = 'Can the youth club stay open on Saturdays? Window-waits-4411.';
const READ_IN_TIME = 'My social worker changes every few months. Window-read-4412.';
const ASKED = 'The bus pass does not cover college. Window-asked-4413.';
const WITHHELD = 'My foster carer hits me when nobody is home.';

describe('the moderation window: a person reads every view, or the moderation lead is told', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cpb-moderation-window-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const settle = async (t: TestApp) => {
    await t.app.get(SafeguardingCaseOpener).waitForIdle();
    await t.app.get(ModerationDeadlineStarter).waitForIdle();
    await t.app.get(ProjectionRunner).waitForCatchUp({ timeoutMs: 20_000 });
  };
  const deadline = async (t: TestApp, contributionId: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(moderationDeadlineStream(contributionId))).map((e) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
    }));
  const types = async (t: TestApp, contributionId: string) => (await deadline(t, contributionId)).map((e) => e.type);
  const queue = async (t: TestApp, callers: Callers) =>
    (await t.request('GET', '/api/moderation/queue', { token: await callers.token('moderator') })).json<QueuedView[]>();
  const give = async (t: TestApp, text: string) => {
    const given = await t.request('POST', '/api/public/boards/northshire/views', { body: { text } });
    expect(given.status).toBe(201);
    return given.json<{ receiptCode: string }>().receiptCode;
  };

  it('escalates an unread view once past 2 working days over Easter, across a restart; a read view never', async () => {
    const ids: Record<'waiting' | 'read' | 'asked', string> = { waiting: '', read: '', asked: '' };
    let moderatorId: string;
    let askedCode: string;

    const first = await startTestApp({ DATA_DIR: dataDir });
    try {
      first.clock.set(THURSDAY);
      const callers = new Callers(first);
      moderatorId = (await callers.me('moderator')).userId;
      await give(first, WAITING);
      await give(first, READ_IN_TIME);
      askedCode = await give(first, ASKED);
      await give(first, WITHHELD);
      await settle(first);

      const listed = await queue(first, callers);
      for (const [key, text] of [
        ['waiting', WAITING],
        ['read', READ_IN_TIME],
        ['asked', ASKED],
      ] as const) {
        ids[key] = listed.find((v) => v.text === text)!.contributionId;
      }
      expect(listed.map((v) => v.text)).not.toContain(WITHHELD);
      const waiting = listed.find((v) => v.contributionId === ids.waiting)!;
      expect(waiting.moderation).toEqual({
        round: 1,
        waitingSince: expect.stringMatching(/^2026-04-02T09:00:00/),
        dueBy: DUE_BY,
        windowWorkingDays: 2,
        overdue: false,
        waited: { days: 0, workingDays: 0 },
        escalation: null,
      });
      expect(await types(first, ids.waiting)).toEqual(['ModerationDeadlineStarted']);

      // Tuesday after Easter: one view is read and accepted, another gets a question back.
      first.clock.set(new Date('2026-04-07T10:00:00Z'));
      const accept = await callers.post('moderator', `/api/moderation/views/${ids.read}/accept`, {});
      expect(accept.status).toBe(200);
      const ask = await callers.post('moderator', `/api/moderation/views/${ids.asked}/ask`, {
        question: 'Which college do you go to?',
      });
      expect(ask.status).toBe(200);
      await settle(first);
      expect(await deadline(first, ids.read)).toEqual([
        expect.objectContaining({ type: 'ModerationDeadlineStarted' }),
        {
          type: 'ModerationDeadlineMet',
          data: expect.objectContaining({ decision: 'accepted', late: false, escalated: false }),
        },
      ]);

      // Wednesday: the author answers, which waits for a person in turn (Thursday and Friday).
      first.clock.set(new Date('2026-04-08T09:00:00Z'));
      const answered = await first.request('POST', '/api/public/views/answer', {
        body: { receiptCode: askedCode, text: 'Eastfield College, on the number 12 bus.' },
      });
      expect(answered.status).toBe(200);
      await settle(first);
      expect(await types(first, ids.asked)).toEqual([
        'ModerationDeadlineStarted',
        'ModerationDeadlineMet',
        'ModerationDeadlineStarted',
      ]);

      // A minute before the end of Wednesday in London: nothing is due yet.
      first.clock.set(new Date('2026-04-08T22:59:00Z'));
      const sweeper = first.app.get(OverdueModerationSweeper);
      expect(await sweeper.sweep()).toBe(0);

      // Half past midnight on Thursday: the unread view goes to the moderation lead, once.
      first.clock.set(new Date('2026-04-08T23:30:00Z'));
      expect(await sweeper.sweep()).toBe(1);
      expect(await sweeper.sweep()).toBe(0);
      await settle(first);
      expect(await deadline(first, ids.waiting)).toEqual([
        expect.objectContaining({ type: 'ModerationDeadlineStarted' }),
        {
          type: 'ModerationEscalatedToLead',
          data: {
            contributionId: ids.waiting,
            round: 1,
            lead: moderatorId,
            dueBy: DUE_BY,
            waitingSince: expect.stringMatching(/^2026-04-02T09:00:00/),
            at: '2026-04-08T23:30:00.000Z',
          },
        },
      ]);
      expect(await types(first, ids.read)).not.toContain('ModerationEscalatedToLead');

      // The queue lists it first, overdue, escalated to the lead by name, with how long it has waited.
      const now = await queue(first, callers);
      expect(now[0]!.contributionId).toBe(ids.waiting);
      expect(now[0]!.moderation).toMatchObject({
        overdue: true,
        waited: { days: 6, workingDays: 3 },
        escalation: {
          at: '2026-04-08T23:30:00.000Z',
          lead: { staffId: moderatorId, name: 'Morgan Lee (Participation)' },
        },
      });
      expect(now.find((v) => v.contributionId === ids.asked)!.moderation).toMatchObject({
        round: 2,
        overdue: false,
        dueBy: '2026-04-10T23:00:00.000Z',
      });
      const count = await callers.get('chair', '/api/moderation/overdue');
      expect(count.status).toBe(200);
      expect(count.json()).toEqual({
        overdue: 1,
        escalated: 1,
        oldestWaitingSince: expect.stringMatching(/^2026-04-02/),
      });
      // The screen's view has no moderation deadline: its safeguarding case has one.
      const withheld = (
        await first.app
          .get<EventStore>(EVENT_STORE)
          .readAll({ filter: { eventTypes: ['ContributionEscalatedForSafeguarding'] } })
      ).map((e) => (e.data as { contributionId: string }).contributionId);
      expect(withheld).toHaveLength(1);
      expect(await types(first, withheld[0]!)).toEqual([]);
    } finally {
      await first.close();
    }

    // The next Monday, a new process on the same data: no second escalation, however often it sweeps.
    const second = await startTestApp({ DATA_DIR: dataDir });
    try {
      second.clock.set(new Date('2026-04-13T09:00:00Z'));
      const callers = new Callers(second);
      const { position } = await second.app
        .get(DataSource)
        .query("SELECT position FROM subscription_checkpoints WHERE name = 'voice:moderation-deadline-starter'")
        .then((rows: Array<{ position: string }>) => rows[0]!);
      expect(position).toBeTruthy();
      await settle(second);
      const sweeper = second.app.get(OverdueModerationSweeper);
      // Only the answer, due by the end of Friday, escalates now (its own round).
      expect(await sweeper.sweep()).toBe(1);
      expect(await sweeper.sweep()).toBe(0);
      await settle(second);
      expect(await types(second, ids.waiting)).toEqual(['ModerationDeadlineStarted', 'ModerationEscalatedToLead']);
      expect(await types(second, ids.read)).toEqual(['ModerationDeadlineStarted', 'ModerationDeadlineMet']);
      expect(await types(second, ids.asked)).toEqual([
        'ModerationDeadlineStarted',
        'ModerationDeadlineMet',
        'ModerationDeadlineStarted',
        'ModerationEscalatedToLead',
      ]);

      // Read at last: the deadline is met late, and the view leaves the overdue count.
      const accept = await callers.post('moderator', `/api/moderation/views/${ids.waiting}/accept`, {});
      expect(accept.status).toBe(200);
      await settle(second);
      expect((await deadline(second, ids.waiting)).at(-1)).toEqual({
        type: 'ModerationDeadlineMet',
        data: expect.objectContaining({ decision: 'accepted', late: true, escalated: true }),
      });
      expect((await callers.get('moderator', '/api/moderation/overdue')).json()).toMatchObject({
        overdue: 1,
        escalated: 1,
      });
      expect((await queue(second, callers)).map((v) => v.contributionId)).not.toContain(ids.waiting);
    } finally {
      await second.close();
    }
  }, 180_000);

  it('lets an admin set the window and name a moderator as lead; new views are due by it', async () => {
    const t = await startTestApp();
    try {
      t.clock.set(new Date('2026-03-02T09:00:00Z'));
      const callers = new Callers(t);
      const path = '/api/staff/voice-settings/moderation-window';
      const put = async (who: 'admin' | 'clerk', body: unknown) =>
        t.request('PUT', path, { token: await callers.token(who), body });
      const read = async () =>
        (await callers.get('admin', '/api/staff/voice-settings')).json<{ moderation: Record<string, unknown> }>()
          .moderation;
      const moderatorId = (await callers.me('moderator')).userId;
      const adminId = (await callers.me('admin')).userId;

      // Until the board says otherwise: 2 working days, its oldest moderator as lead.
      expect(await read()).toEqual({
        moderationWindowWorkingDays: 2,
        defaultWindowWorkingDays: 2,
        bounds: { min: 1, max: 10 },
        moderationLead: { staffId: moderatorId, name: 'Morgan Lee (Participation)', source: 'default' },
      });
      expect((await put('clerk', { moderationWindowWorkingDays: 1 })).status).toBe(403);
      const tooLong = await put('admin', { moderationWindowWorkingDays: 11 });
      expect(tooLong.status).toBe(400);
      const notModerator = await put('admin', { moderationWindowWorkingDays: 1, moderationLead: adminId });
      expect(notModerator.status).toBe(422);
      expect(notModerator.json()).toMatchObject({ type: '/problems/not-a-moderator' });

      const set = await put('admin', { moderationWindowWorkingDays: 1, moderationLead: moderatorId });
      expect(set.status).toBe(200);
      expect(set.json()).toMatchObject({ events: ['ModerationWindowSet'] });
      expect(await read()).toMatchObject({
        moderationWindowWorkingDays: 1,
        moderationLead: { staffId: moderatorId, source: 'configured' },
      });

      await give(t, 'The library should open on Sundays. Window-one-day-4414.');
      await settle(t);
      const view = (await queue(t, callers)).find((v) => v.text?.includes('Window-one-day-4414'))!;
      // Given on Monday with a window of 1: due by the end of Tuesday.
      expect(view.moderation).toMatchObject({ windowWorkingDays: 1, dueBy: '2026-03-04T00:00:00.000Z' });
    } finally {
      await t.close();
    }
  }, 120_000);
});

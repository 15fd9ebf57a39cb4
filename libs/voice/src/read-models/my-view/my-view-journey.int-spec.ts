import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { handleCommand, ProjectionRunner, SqliteEventStore, type CommandContext } from '#event-store';
import { StaffDirectory } from '#identity/contracts';
import { FixedClock, NotFound } from '#platform';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import {
  contributionDecider,
  contributionStream,
  generateReceiptCode,
  hashReceiptCode,
  type ContributionCommand,
} from '../../domain/index.js';
import { boardOutcomesProjection } from '../board-outcomes/board-outcomes.projection.js';
import { BoardOutcomes } from '../board-outcomes/board-outcomes.reader.js';
import { VoiceSettings } from '../voice-settings/voice-settings.reader.js';
import { CheckView, CheckViewHandler } from './check-view.query.js';
import { ModerationForAuthor } from './moderation-for-author.js';
import { contributionReceiptsProjection } from '../view-receipts/contribution-receipts.projection.js';
import { ReceiptLookup } from '../view-receipts/receipt-lookup.js';
import { myViewJourneyProjection } from './my-view-journey.projection.js';
import { MyViewJourneys } from './my-view-journey.reader.js';

const PEPPER = 'int-spec-journey-pepper-0123456789';
const NORTH = 'tenant-north';

// "Check my view" from a real event store through the real runner, on SQLite and PostgreSQL: the view's
// own events (given, accepted, tabled, considered, two answers), the board's published events (meeting,
// decision citing it with influence and why, actions with progress and completion), a view the screen
// withheld (nothing told until its case is acknowledged), and erasure (the code then opens nothing).
describe.each(['SQLite', 'PostgreSQL'] as const)('"Check my view" read models on %s', (kind) => {
  let dir: string;
  let store: SqliteEventStore;
  let db: DataSource;
  let runner: ProjectionRunner;
  let drop: (() => Promise<void>) | undefined;
  let minute = 0;
  const codes: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const clock = new FixedClock(new Date('2026-06-01T09:00:00Z'));

  const at = () => new Date(Date.UTC(2026, 2, 2, 9, ++minute)).toISOString();
  const context = (role = 'moderator', tenantId = NORTH): CommandContext => {
    const commandId = randomUUID();
    return { tenantId, actor: { id: `${role}-1`, role }, commandId, correlationId: commandId, now: at() };
  };
  const metadata = (role: string) => {
    const commandId = randomUUID();
    return {
      tenantId: NORTH,
      actor: { id: `${role}-1`, role },
      onBehalfOf: null,
      correlationId: commandId,
      causationId: commandId,
      commandId,
      recordedAt: at(),
    };
  };
  /** A board or safeguarding event as its context would have written it (shapes from #board contracts). */
  const publish = (stream: string, type: string, data: Record<string, unknown>, role = 'chair') =>
    store.append(stream, [{ type, data: { ...data, at: at() }, metadata: metadata(role) }], { expected: 'any' });

  async function run(id: string, build: (at: string) => ContributionCommand, role?: string) {
    const ctx = context(role);
    await handleCommand(store, contributionDecider, contributionStream(id), build(ctx.now), ctx);
  }

  async function submit(name: string, text: string, options: { flagged?: boolean; sharing?: 'verbatim' } = {}) {
    const id = randomUUID();
    const { code } = generateReceiptCode(randomBytes);
    codes[name] = code;
    ids[name] = id;
    await run(
      id,
      (now) => ({
        type: 'SubmitContribution',
        data: {
          contributionId: id,
          text,
          channel: 'online',
          sharing: options.sharing,
          receiptCodeHash: hashReceiptCode(code, PEPPER),
          authorPseudonym: randomUUID(),
          at: now,
          facts: { screening: { flagged: !!options.flagged, matchedCategories: options.flagged ? ['harm'] : [] } },
        },
      }),
      'young-person',
    );
    return id;
  }

  const step = (id: string, type: ContributionCommand['type'], data: Record<string, unknown>) =>
    run(id, (now) => ({ type, data: { contributionId: id, ...data, at: now } }) as ContributionCommand);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-my-view-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });

    const id = await submit('loop', 'Let us meet a new social worker before they take over.', { sharing: 'verbatim' });
    await step(id, 'ModerateContribution', { moderation: { outcome: 'accept' } });
    await publish('meeting-m1', 'MeetingScheduled', {
      meetingId: 'm1',
      title: 'Corporate Parenting Board',
      startsAt: '2026-04-14T16:30:00Z',
      place: 'County Hall',
      jurisdiction: 'england',
      quorum: 3,
      themes: [],
      principles: [],
    });
    await publish('meeting-m1', 'AgendaItemAdded', {
      meetingId: 'm1',
      itemId: 'i1',
      title: 'Changes of social worker',
      purpose: 'decision',
      lead: 'Director',
      themes: [],
      principles: [],
      papers: [],
      restricted: false,
      standing: false,
    });
    await step(id, 'TableContribution', { meetingId: 'm1', itemId: 'i1' });
    await step(id, 'MarkConsidered', { meetingId: 'm1', itemId: 'i1' });
    await publish('decision-d1', 'DecisionRecorded', {
      decisionId: 'd1',
      meetingId: 'm1',
      itemId: 'i1',
      resolution: 'Every child meets their new social worker before the hand-over.',
      kind: 'resolution',
      reached: { method: 'consensus' },
      reasons: 'Young people asked for it.',
      alternativesRejected: [],
      interestsDeclared: [],
      themes: [],
      principles: [],
      voiceEvidence: {
        contributions: [
          { contributionId: id, influence: 'shaped', rationale: 'You asked to meet first. Now you will.' },
        ],
      },
    });
    await publish('action-a1', 'ActionAssigned', {
      actionId: 'a1',
      decisionId: 'd1',
      description: 'Put the rule in the practice guide.',
      owner: { officer: { name: 'Head of Service' } },
      dueOn: '2026-05-31',
    });
    await step(id, 'RecordFeedback', {
      feedbackId: 'f1',
      text: 'You will meet your new worker first.',
      decisionIds: ['d1'],
      actionIds: ['a1'],
    });
    await publish(
      'action-a1',
      'ActionProgressRecorded',
      { actionId: 'a1', note: 'A draft went to managers.' },
      'officer',
    );
    await publish(
      'action-a1',
      'ActionCompleted',
      { actionId: 'a1', evidence: 'The guide has the rule.', completedOn: '2026-05-20' },
      'officer',
    );
    await step(id, 'RecordFeedback', {
      feedbackId: 'f2',
      text: 'The rule is in the guide now.',
      decisionIds: [],
      actionIds: [],
    });

    // Withheld by the screen at once; its case opened, later acknowledged by the safeguarding lead.
    const screened = await submit('screened', 'Something happened at home.', { flagged: true });
    await publish('safeguarding-c1', 'SafeguardingCaseOpened', {
      caseId: 'c1',
      contributionId: screened,
      categories: ['harm'],
      source: 'screen',
      namedLead: 'lead-1',
      deputy: null,
      acknowledgeWithin: 240,
      dueBy: '2026-03-02T13:00:00Z',
    });
    const plain = await submit('plain', 'More say in where I live.');

    const erased = await submit('erased', 'Tell me before I move, canary-spoon.');
    await step(erased, 'ModerateContribution', { moderation: { outcome: 'accept' } });
    await step(erased, 'RecordFeedback', { feedbackId: 'f3', text: 'We will.', decisionIds: [], actionIds: [] });
    await step(erased, 'EraseContribution', { erasedBy: 'dpo', ground: 'consent-withdrawn', reason: 'asked' });
    void plain;

    const pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_voice_my_view') : undefined;
    drop = pg ? () => pg.drop() : undefined;
    db = await new DataSource(
      pg
        ? { type: 'postgres', url: pg.url, poolSize: 4 }
        : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db'), enableWAL: true },
    ).initialize();
    runner = new ProjectionRunner({
      store,
      dataSource: db,
      projections: [contributionReceiptsProjection, myViewJourneyProjection, boardOutcomesProjection],
      batchSize: 50,
      maxAttempts: 1,
      pollIntervalMs: 20,
      clock: () => new Date('2026-06-01T09:00:00Z'),
      logger: { warn: (message, ctx) => console.warn(message, ctx) },
    });
    await runner.start();
    await runner.waitForCatchUp({ timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await runner?.stop();
    await db?.destroy();
    await store?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (code: string) =>
    new CheckViewHandler(
      new ReceiptLookup(db, PEPPER),
      new ModerationForAuthor(db),
      new MyViewJourneys(db),
      new BoardOutcomes(db),
      new VoiceSettings(store, PEPPER, new StaffDirectory(db)),
      clock,
    ).execute(new CheckView(code));

  it('projects every event without parking any', async () => {
    expect((await runner.status()).reduce((sum, s) => sum + s.parked, 0)).toBe(0);
  });

  it('reads the whole loop back by code: words, meeting, decision with influence and why, action, both answers', async () => {
    const view = await check(codes.loop!);
    expect(view.journey.map((s) => s.step)).toEqual([
      'submitted',
      'accepted',
      'tabled',
      'considered',
      'decided',
      'feedback',
      'feedback',
    ]);
    const times = view.journey.map((s) => s.at);
    expect([...times].sort()).toEqual(times);
    expect(view.journey[2]).toMatchObject({
      words:
        'Your view is on the agenda of the board meeting on 14 April 2026, in the part about “Changes of social worker”.',
      meeting: { meetingId: 'm1', title: 'Corporate Parenting Board', item: 'Changes of social worker' },
    });
    expect(view).toMatchObject({
      status: 'feedback',
      yourWords: 'Let us meet a new social worker before they take over.',
      boardSees: { kind: 'as-written', words: 'Let us meet a new social worker before they take over.' },
      feedback: 'The rule is in the guide now.',
    });
    expect(view.decisions).toHaveLength(1);
    expect(view.decisions[0]).toMatchObject({
      decisionId: 'd1',
      resolution: 'Every child meets their new social worker before the hand-over.',
      influence: 'shaped',
      influenceWords: 'Your view shaped this decision.',
      why: 'You asked to meet first. Now you will.',
      citedYourView: true,
    });
    const [action] = view.decisions[0]!.actions;
    expect(action).toMatchObject({
      actionId: 'a1',
      status: 'completed',
      completedOn: '2026-05-20',
      dueOn: '2026-05-31',
    });
    expect(action!.updates.map((u) => u.words)).toEqual([
      'Update: A draft went to managers.',
      'Done: The guide has the rule.',
    ]);
    expect(JSON.stringify(action)).not.toContain('Head of Service');
    expect(view.answers.map((a) => [a.text, a.latest])).toEqual([
      ['The rule is in the guide now.', true],
      ['You will meet your new worker first.', false],
    ]);
    expect(view.help).toMatchObject({ childline: '0800 1111', emergency: '999' });
  });

  it('tells a view the screen withheld what every new view is told, until its case is acknowledged', async () => {
    const screened = await check(codes.screened!);
    const plain = await check(codes.plain!);
    // The same answer but for when each was given and its words.
    const shape = (v: typeof plain) => ({
      ...v,
      givenAt: undefined,
      yourWords: undefined,
      journey: v.journey.map((s) => ({ ...s, at: undefined })),
    });
    expect(shape(screened)).toEqual(shape(plain));
    expect(screened.journey.map((s) => s.step)).toEqual(['submitted']);
    expect(JSON.stringify(screened)).not.toMatch(/has been read|in touch|escalat|safeguard/i);

    await publish(
      'safeguarding-c1',
      'CaseAcknowledged',
      { caseId: 'c1', by: 'lead-1', as: 'named-lead', late: false },
      'safeguarding-lead',
    );
    await runner.waitForCatchUp({ timeoutMs: 20_000 });
    const read = await check(codes.screened!);
    expect(read.journey.map((s) => s.step)).toEqual(['submitted', 'under-review']);
    expect(read.journey[1]!.words).toBe('A worker has read your view.');
    expect(read.whatHappensNext).toContain('Childline');
    expect(JSON.stringify(read)).not.toMatch(/in touch|escalat|safeguard/i);
  });

  it('finds nothing after erasure, and keeps none of its words', async () => {
    await expect(check(codes.erased!)).rejects.toBeInstanceOf(NotFound);
    expect(await new MyViewJourneys(db).of(NORTH, ids.erased!)).toBeUndefined();
  });

  it('rebuilds from zero to the same answers (the words of an erased view stay gone)', async () => {
    const before = await check(codes.loop!);
    for (const projection of [contributionReceiptsProjection, myViewJourneyProjection, boardOutcomesProjection]) {
      await runner.rebuild(projection.name);
    }
    expect((await runner.status()).reduce((sum, s) => sum + s.parked, 0)).toBe(0);
    expect(await check(codes.loop!)).toEqual(before);
    await expect(check(codes.erased!)).rejects.toBeInstanceOf(NotFound);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { handleCommand, ProjectionRunner, SqliteEventStore, type CommandContext } from '#event-store';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import {
  contributionDecider,
  contributionStream,
  type ContributionCommand,
  type Moderation,
  type Sharing,
} from '../../domain/index.js';
import { FixedClock } from '#platform';
import { BoardOutcomes } from '../board-outcomes/board-outcomes.reader.js';
import { CitedViewStatesFromReadModel } from './cited-view-states.reader.js';
import { GetYouSaidWeDid, GetYouSaidWeDidHandler } from './get-you-said-we-did.query.js';
import { youSaidWeDidProjection } from './you-said-we-did.projection.js';

const NORTH = 'tenant-north';
const SOUTH = 'tenant-south';

describe.each(['SQLite', 'PostgreSQL'] as const)('"You said, we did" read model on %s', (kind) => {
  let dir: string;
  let store: SqliteEventStore;
  let db: DataSource;
  let runner: ProjectionRunner;
  let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let n = 0;
  // Each step a minute later: the order views were given, and answers were recorded.
  const at = () => new Date(Date.UTC(2026, 2, 10, 16, 0) + n * 60_000).toISOString();

  const context = (tenantId: string, role = 'moderator'): CommandContext => ({
    tenantId,
    actor: { id: `${role}-1`, role },
    commandId: `cmd-${++n}`,
    correlationId: `corr-${n}`,
    now: at(),
  });
  const run = (tenantId: string, command: ContributionCommand, role?: string) =>
    handleCommand(
      store,
      contributionDecider,
      contributionStream(command.data.contributionId),
      command,
      context(tenantId, role),
    );
  const submit = (tenantId: string, contributionId: string, sharing?: Sharing, flagged = false) =>
    run(
      tenantId,
      {
        type: 'SubmitContribution',
        data: {
          contributionId,
          text: `The words of ${contributionId}`,
          themes: [`theme-${contributionId}`],
          channel: 'online',
          sharing,
          ageBand: '12-15',
          careStatus: 'in-care',
          receiptCodeHash: `hash-${contributionId}`,
          authorPseudonym: `yp-${contributionId}`,
          at: at(),
          facts: { screening: { flagged, matchedCategories: flagged ? ['harm'] : [] } },
        },
      },
      'young-person',
    );
  const moderate = (tenantId: string, contributionId: string, moderation: Moderation) =>
    run(tenantId, { type: 'ModerateContribution', data: { contributionId, moderation, at: at() } });
  const accepted = async (contributionId: string, sharing?: Sharing, tenantId = NORTH) => {
    await submit(tenantId, contributionId, sharing);
    await moderate(tenantId, contributionId, { outcome: 'accept' });
  };
  const answer = async (feedbackId: string, ids: string[], tenantId = NORTH) => {
    for (const contributionId of ids) {
      await run(tenantId, {
        type: 'RecordFeedback',
        data: {
          contributionId,
          feedbackId,
          text: `Answer ${feedbackId}`,
          decisionIds: ['d-1'],
          actionIds: [],
          at: at(),
          // Two-word answers ("Answer again") read as hard: this board takes any reading age.
          facts: { readingAgeLimit: 18 },
        },
      });
    }
  };
  const byAuthor = (contributionId: string) => ({ receiptCodeHash: `hash-${contributionId}` });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-voice-yswd-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    await accepted('verbatim', 'verbatim');
    await submit(NORTH, 'redacted', 'anonymised');
    await moderate(NORTH, 'redacted', {
      outcome: 'accept-with-redactions',
      redactedText: 'The [redacted] words, mail me at kid@example.org',
    });
    await accepted('summary');
    await accepted('later-escalated', 'verbatim');
    await accepted('withdrawn', 'verbatim');
    await accepted('erased', 'anonymised');
    await accepted('shy', 'verbatim');
    await submit(NORTH, 'screened', 'verbatim', true);
    await answer('group', ['verbatim', 'redacted', 'summary', 'later-escalated', 'withdrawn']);
    await answer('single', ['erased']);
    await answer('again', ['verbatim', 'shy']);
    await moderate(NORTH, 'later-escalated', { outcome: 'escalate', reason: 'A worry' });
    await run(
      NORTH,
      { type: 'WithdrawContribution', data: { contributionId: 'withdrawn', author: byAuthor('withdrawn'), at: at() } },
      'young-person',
    );
    await run(NORTH, {
      type: 'EraseContribution',
      data: { contributionId: 'erased', erasedBy: 'staff-1', ground: 'consent-withdrawn', reason: 'Granted', at: at() },
    });
    await run(
      NORTH,
      {
        type: 'ChangeSharing',
        data: { contributionId: 'shy', sharing: 'summary-only', author: byAuthor('shy'), at: at() },
      },
      'young-person',
    );
    await accepted('southern', 'verbatim', SOUTH);
    await answer('south', ['southern'], SOUTH);

    pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_voice_yswd') : undefined;
    db = await new DataSource(
      pg
        ? { type: 'postgres', url: pg.url, poolSize: 4 }
        : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db') },
    ).initialize();
    runner = new ProjectionRunner({
      store,
      dataSource: db,
      projections: [youSaidWeDidProjection],
      batchSize: 50,
      maxAttempts: 1,
      pollIntervalMs: 20,
      clock: () => new Date(),
      logger: { warn: (message, ctx) => console.warn(message, ctx) },
    });
    await runner.start();
    await runner.waitForCatchUp({ timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await runner.stop();
    await db.destroy();
    await store.close();
    await pg?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = (tenantId: string) =>
    new GetYouSaidWeDidHandler(db, new BoardOutcomes(db), new FixedClock(new Date('2026-03-20T12:00:00Z'))).execute(
      new GetYouSaidWeDid(tenantId),
    );

  it('projects every event without parking any', async () => {
    const parked = (await runner.status()).reduce((sum, s) => sum + s.parked, 0);
    expect(parked).toBe(0);
  });

  it('lists each response once, newest first; an answer left with no standing view leaves the list', async () => {
    const entries = await list(NORTH);
    expect(entries.map((e) => e.text)).toEqual(['Answer again', 'Answer group']);
    const [again, group] = entries;
    // Withdrawn not counted; withheld counted with no words and no theme, like a summary-only view.
    expect(group).toMatchObject({ views: 4, decisionIds: ['d-1'], actionIds: [] });
    expect(group!.themes).toEqual(['theme-redacted', 'theme-summary', 'theme-verbatim']);
    expect(group!.shared).toEqual([
      { sharing: 'verbatim', words: 'The words of verbatim' },
      { sharing: 'anonymised', words: 'The [redacted] words, mail me at [contact]' },
    ]);
    // A sharing choice changed to summary-only after the answer hides the words.
    expect(again).toMatchObject({ views: 2, shared: [{ sharing: 'verbatim', words: 'The words of verbatim' }] });
    expect(group!.id).not.toBe(again!.id);
    expect(group!.id).toBe((await list(NORTH))[1]!.id);
  });

  it('never holds words of a view withheld, withdrawn or erased, nor its author or details', async () => {
    const raw = JSON.stringify(await list(NORTH));
    for (const secret of ['later-escalated', 'withdrawn', 'erased', 'screened', 'yp-', 'hash-', '12-15', 'in-care']) {
      expect(raw).not.toContain(secret);
    }
    const words = await db
      .createQueryBuilder()
      .select('t.contribution_id', 'id')
      .addSelect('t.words', 'words')
      .from('you_said_we_did_views__v1', 't')
      .where('t.tenant_id = :tenantId', { tenantId: NORTH })
      .getRawMany<{ id: string; words: string | null }>();
    const held = Object.fromEntries(words.map((w) => [w.id, w.words]));
    expect(held).toMatchObject({
      'later-escalated': null,
      withdrawn: null,
      erased: null,
      screened: null,
      redacted: 'The [redacted] words, mail me at kid@example.org',
    });
  });

  it("keeps each board's list to itself", async () => {
    expect((await list(SOUTH)).map((e) => e.text)).toEqual(['Answer south']);
    expect(await list('tenant-nobody')).toEqual([]);
  });

  it('answers the decisions register with the state of several cited views at once', async () => {
    const reader = new CitedViewStatesFromReadModel(db);
    const ids = ['verbatim', 'later-escalated', 'withdrawn', 'erased', 'southern', 'no-such-view'];
    expect(await reader.states(NORTH, ids)).toEqual([
      { contributionId: 'verbatim', state: 'current' },
      { contributionId: 'later-escalated', state: 'withheld' },
      { contributionId: 'withdrawn', state: 'withdrawn' },
      { contributionId: 'erased', state: 'erased' },
      { contributionId: 'southern', state: 'unknown' },
      { contributionId: 'no-such-view', state: 'unknown' },
    ]);
    expect(await reader.states(SOUTH, [])).toEqual([]);
  });
});

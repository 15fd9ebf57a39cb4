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
} from '../../domain/index.js';
import { ContributionCitabilityFromReadModel } from './contribution-citability.reader.js';
import { contributionStatusProjection } from './contribution-status.projection.js';
import { statusRows } from './contribution-status.rows.js';

const AT = '2026-03-10T16:45:00Z';
const NORTH = 'tenant-north';
const SOUTH = 'tenant-south';

describe.each(['SQLite', 'PostgreSQL'] as const)('contribution citability from the read model on %s', (kind) => {
  let dir: string;
  let store: SqliteEventStore;
  let db: DataSource;
  let runner: ProjectionRunner;
  let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let n = 0;

  const context = (tenantId: string, role = 'moderator'): CommandContext => ({
    tenantId,
    actor: { id: `${role}-1`, role },
    commandId: `cmd-${++n}`,
    correlationId: `corr-${n}`,
    now: AT,
  });
  const run = (tenantId: string, command: ContributionCommand, role?: string) =>
    handleCommand(
      store,
      contributionDecider,
      contributionStream(command.data.contributionId),
      command,
      context(tenantId, role),
    );
  const submit = (tenantId: string, contributionId: string, flagged = false) =>
    run(
      tenantId,
      {
        type: 'SubmitContribution',
        data: {
          contributionId,
          text: `The words of ${contributionId}`,
          channel: 'online',
          // Word for word: a view shared as a summary only is tabled once summarised (a rule of its own).
          sharing: 'verbatim',
          receiptCodeHash: `hash-${contributionId}`,
          authorPseudonym: `yp-${contributionId}`,
          at: AT,
          facts: { screening: { flagged, matchedCategories: flagged ? ['harm'] : [] } },
        },
      },
      'young-person',
    );
  const moderate = (tenantId: string, contributionId: string, moderation: Moderation) =>
    run(tenantId, { type: 'ModerateContribution', data: { contributionId, moderation, at: AT } });
  const table = (contributionId: string) =>
    run(NORTH, { type: 'TableContribution', data: { contributionId, meetingId: 'm-1', itemId: 'i-1', at: AT } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-voice-status-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    // North: every lifecycle the rule distinguishes.
    await submit(NORTH, 'accepted');
    await moderate(NORTH, 'accepted', { outcome: 'accept' });
    await submit(NORTH, 'redacted');
    await moderate(NORTH, 'redacted', { outcome: 'accept-with-redactions', redactedText: 'The [redacted] words' });
    await submit(NORTH, 'tabled');
    await moderate(NORTH, 'tabled', { outcome: 'accept' });
    await table('tabled');
    await submit(NORTH, 'waiting');
    await submit(NORTH, 'asked');
    await moderate(NORTH, 'asked', { outcome: 'ask-question', question: 'Which school?' });
    await submit(NORTH, 'screened', true);
    await submit(NORTH, 'escalated');
    await moderate(NORTH, 'escalated', { outcome: 'escalate', reason: 'Sounds unsafe at home' });
    await submit(NORTH, 'withdrawn');
    await moderate(NORTH, 'withdrawn', { outcome: 'accept' });
    await run(
      NORTH,
      {
        type: 'WithdrawContribution',
        data: { contributionId: 'withdrawn', author: { receiptCodeHash: 'hash-withdrawn' }, at: AT },
      },
      'young-person',
    );
    await submit(NORTH, 'erased');
    await moderate(NORTH, 'erased', { outcome: 'accept' });
    await run(NORTH, {
      type: 'EraseContribution',
      data: {
        contributionId: 'erased',
        erasedBy: 'staff-1',
        ground: 'consent-withdrawn',
        reason: 'Request granted',
        at: AT,
      },
    });
    await submit(SOUTH, 'southern');
    await moderate(SOUTH, 'southern', { outcome: 'accept' });

    pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_voice_status') : undefined;
    db = await new DataSource(
      pg
        ? { type: 'postgres', url: pg.url, poolSize: 4 }
        : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db') },
    ).initialize();
    runner = new ProjectionRunner({
      store,
      dataSource: db,
      projections: [contributionStatusProjection],
      batchSize: 50,
      maxAttempts: 1,
      pollIntervalMs: 20,
      clock: () => new Date(AT),
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

  it('projects every event without parking any', async () => {
    const parked = (await runner.status()).reduce((sum, s) => sum + s.parked, 0);
    expect(parked).toBe(0);
  });

  it('answers each view by the domain rule: citable only once accepted, and never escalated or withdrawn', async () => {
    const ids = ['accepted', 'redacted', 'tabled', 'waiting', 'asked', 'screened', 'escalated', 'withdrawn', 'erased'];
    const answers = await new ContributionCitabilityFromReadModel(db, store).citability(NORTH, ids);
    expect(answers.map((a) => [a.contributionId, a.status])).toEqual([
      ['accepted', 'citable'],
      ['redacted', 'citable'],
      ['tabled', 'citable'],
      ['waiting', 'not-accepted'],
      ['asked', 'not-accepted'],
      ['screened', 'not-accepted'],
      ['escalated', 'not-accepted'],
      ['withdrawn', 'withdrawn'],
      ['erased', 'withdrawn'],
    ]);
  });

  it("knows no unknown id nor another tenant's view", async () => {
    const reader = new ContributionCitabilityFromReadModel(db, store);
    expect(await reader.citability(NORTH, ['southern', 'no-such-view'])).toEqual([
      { contributionId: 'southern', status: 'unknown' },
      { contributionId: 'no-such-view', status: 'unknown' },
    ]);
    expect(await reader.citability(SOUTH, ['southern', 'accepted'])).toEqual([
      { contributionId: 'southern', status: 'citable' },
      { contributionId: 'accepted', status: 'unknown' },
    ]);
  });

  it('says, asked about an agenda item, which views were tabled there: only there, and only on this board', async () => {
    const reader = new ContributionCitabilityFromReadModel(db, store);
    const here = { meetingId: 'm-1', itemId: 'i-1' };
    expect(await reader.citability(NORTH, ['tabled', 'accepted', 'no-such-view'], here)).toEqual([
      { contributionId: 'tabled', status: 'citable', tabledAtItem: true },
      { contributionId: 'accepted', status: 'citable', tabledAtItem: false },
      { contributionId: 'no-such-view', status: 'unknown', tabledAtItem: false },
    ]);
    // Another item of the same meeting, or the same item id at another meeting, is not "here".
    for (const elsewhere of [
      { meetingId: 'm-1', itemId: 'i-2' },
      { meetingId: 'm-2', itemId: 'i-1' },
    ]) {
      expect(await reader.citability(NORTH, ['tabled'], elsewhere)).toEqual([
        { contributionId: 'tabled', status: 'citable', tabledAtItem: false },
      ]);
    }
    expect(await reader.citability(SOUTH, ['tabled'], here)).toEqual([
      { contributionId: 'tabled', status: 'unknown', tabledAtItem: false },
    ]);
  });

  it('answers "needs-summary" for a view shared as a summary only until it has a current summary, and "not-accepted" once declined', async () => {
    const given = (contributionId: string) =>
      run(
        NORTH,
        {
          type: 'SubmitContribution',
          data: {
            contributionId,
            text: `The words of ${contributionId}`,
            channel: 'online',
            receiptCodeHash: `hash-${contributionId}`,
            authorPseudonym: `yp-${contributionId}`,
            at: AT,
            facts: { screening: { flagged: false, matchedCategories: [] } },
          },
        },
        'young-person',
      );
    await given('summary-waiting');
    await moderate(NORTH, 'summary-waiting', { outcome: 'accept' });
    await given('summarised');
    await moderate(NORTH, 'summarised', { outcome: 'accept', summary: 'In short, their view.' });
    await given('disputed');
    await moderate(NORTH, 'disputed', { outcome: 'accept', summary: 'Not quite their view.' });
    await run(
      NORTH,
      {
        type: 'RespondToSummary',
        data: {
          contributionId: 'disputed',
          author: { receiptCodeHash: 'hash-disputed' },
          version: 1,
          response: 'change',
          at: AT,
        },
      },
      'young-person',
    );
    await given('declined');
    await moderate(NORTH, 'declined', { outcome: 'decline', reason: 'spam', note: 'It looked like an advert.' });
    await runner.waitForCatchUp({ timeoutMs: 20_000 });
    const ids = ['summary-waiting', 'summarised', 'disputed', 'declined'];
    const answers = await new ContributionCitabilityFromReadModel(db, store).citability(NORTH, ids);
    expect(answers.map((a) => [a.contributionId, a.status])).toEqual([
      ['summary-waiting', 'needs-summary'],
      ['summarised', 'citable'],
      ['disputed', 'needs-summary'],
      ['declined', 'not-accepted'],
    ]);
    const rows = new Map((await statusRows(db, NORTH)).map((r) => [r.contribution_id, r]));
    expect(rows.get('disputed')).toMatchObject({
      summary: 'Not quite their view.',
      summary_version: 1,
      summary_response: 'change-requested',
    });
    expect(rows.get('declined')).toMatchObject({ status: 'declined', decline_reason: 'spam' });
  });

  it('keeps the words for moderators until erasure, then deletes them', async () => {
    const rows = new Map((await statusRows(db, NORTH)).map((r) => [r.contribution_id, r]));
    expect(rows.get('redacted')).toMatchObject({
      text: 'The words of redacted',
      redacted_text: 'The [redacted] words',
    });
    expect(rows.get('withdrawn')).toMatchObject({ withdrawn: true, text: 'The words of withdrawn' });
    expect(rows.get('erased')).toMatchObject({ erased: true, text: null, redacted_text: null, status: 'erased' });
    expect(rows.get('screened')).toMatchObject({ escalated: true, status: 'escalated', escalation_reason: 'screen' });
  });

  it('finds the withheld views by the escalated flag (the board count and the safeguarding queue)', async () => {
    const withheld = await statusRows(db, NORTH, { sql: 't.escalated = true', params: {} });
    expect(withheld.map((r) => r.contribution_id).sort()).toEqual(['escalated', 'screened']);
    expect(await statusRows(db, SOUTH, { sql: 't.escalated = true', params: {} })).toEqual([]);
  });
});

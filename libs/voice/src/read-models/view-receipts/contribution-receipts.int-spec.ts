import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { handleCommand, ProjectionRunner, SqliteEventStore, type CommandContext } from '#event-store';
import { NotFound } from '#platform';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import {
  contributionDecider,
  contributionStream,
  generateReceiptCode,
  hashReceiptCode,
  InvalidReceiptCode,
  type ContributionCommand,
} from '../../domain/index.js';
import { journeyOf } from '../my-view/my-view.journey.js';
import { contributionReceiptsProjection } from './contribution-receipts.projection.js';
import { ReceiptLookup } from './receipt-lookup.js';

const PEPPER = 'int-spec-receipt-pepper-0123456789';

// The receipts read model, projected by the real runner into SQLite and PostgreSQL from a real event
// store: found by code, the steps in the order they happened, and nothing left after erasure.
describe.each(['SQLite', 'PostgreSQL'] as const)('contribution receipts read model on %s', (kind) => {
  let dir: string;
  let store: SqliteEventStore;
  let db: DataSource;
  let runner: ProjectionRunner;
  let drop: (() => Promise<void>) | undefined;
  let minute = 0;
  const codes: Record<string, string> = {};

  const context = (tenantId = 'tenant-north'): CommandContext => {
    const commandId = randomUUID();
    minute += 1;
    const now = new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();
    return { tenantId, actor: { id: 'staff-1', role: 'moderator' }, commandId, correlationId: commandId, now };
  };

  async function run(id: string, build: (at: string) => ContributionCommand, tenantId?: string): Promise<void> {
    const ctx = context(tenantId);
    await handleCommand(store, contributionDecider, contributionStream(id), build(ctx.now), ctx);
  }

  async function submit(name: string, flagged = false, tenantId?: string): Promise<string> {
    const id = randomUUID();
    const { code } = generateReceiptCode(randomBytes);
    codes[name] = code;
    await run(
      id,
      (at) => ({
        type: 'SubmitContribution',
        data: {
          contributionId: id,
          text: `the words of ${name}`,
          channel: 'online',
          receiptCodeHash: hashReceiptCode(code, PEPPER),
          authorPseudonym: randomUUID(),
          at,
          facts: { screening: { flagged, matchedCategories: flagged ? ['harm'] : [] } },
        },
      }),
      tenantId,
    );
    return id;
  }

  const moderate = (id: string, moderation: Record<string, unknown>) =>
    run(
      id,
      (at) => ({ type: 'ModerateContribution', data: { contributionId: id, moderation, at } }) as ContributionCommand,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-receipts-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });

    const journey = await submit('journey');
    await moderate(journey, { outcome: 'ask-question', question: 'Which part matters most?' });
    await run(journey, (at) => ({
      type: 'AnswerQuestion',
      data: {
        contributionId: journey,
        author: { receiptCodeHash: hashReceiptCode(codes.journey!, PEPPER) },
        text: 'this part',
        at,
        facts: { screening: { flagged: false, matchedCategories: [] } },
      },
    }));
    await moderate(journey, { outcome: 'accept' });
    await run(journey, (at) => ({
      type: 'ChangeSharing',
      data: {
        contributionId: journey,
        author: { receiptCodeHash: hashReceiptCode(codes.journey!, PEPPER) },
        sharing: 'verbatim',
        at,
      },
    }));
    await run(journey, (at) => ({
      type: 'RecordFeedback',
      data: { contributionId: journey, feedbackId: 'f1', text: 'We listened.', decisionIds: [], actionIds: [], at },
    }));

    await submit('flagged', true);
    const late = await submit('escalated-after-acceptance');
    await moderate(late, { outcome: 'accept' });
    await moderate(late, { outcome: 'escalate', reason: 'A moderator read a disclosure.' });

    const erased = await submit('erased');
    await run(erased, (at) => ({
      type: 'EraseContribution',
      data: { contributionId: erased, erasedBy: 'dpo', ground: 'consent-withdrawn', reason: 'asked', at },
    }));
    await submit('other-board', false, 'tenant-south');

    const pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_voice_receipts') : undefined;
    drop = pg ? () => pg.drop() : undefined;
    db = await new DataSource(
      pg
        ? { type: 'postgres', url: pg.url, poolSize: 4 }
        : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db'), enableWAL: true },
    ).initialize();
    runner = new ProjectionRunner({
      store,
      dataSource: db,
      projections: [contributionReceiptsProjection],
      batchSize: 50,
      maxAttempts: 1,
      pollIntervalMs: 20,
      clock: () => new Date('2026-03-03T12:00:00Z'),
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

  const lookup = () => new ReceiptLookup(db, PEPPER);

  it('projects every event without parking any', async () => {
    expect((await runner.status()).reduce((sum, s) => sum + s.parked, 0)).toBe(0);
  });

  it('finds a view by its code and shows its steps in the order they happened', async () => {
    const row = await lookup().find(codes.journey!.toLowerCase());
    expect(row.tenantId).toBe('tenant-north');
    const view = journeyOf(row);
    expect(view.journey.map((s) => s.step)).toEqual([
      'submitted',
      'question-asked',
      'answered',
      'accepted',
      'feedback',
    ]);
    expect(view.status).toBe('feedback');
    expect(view.sharing).toBe('verbatim');
    expect(view.feedback).toBe('We listened.');
    expect(view.question).toBeUndefined();
    // Timestamps come from each event, in order.
    const times = view.journey.map((s) => s.at);
    expect([...times].sort()).toEqual(times);
  });

  it('says "under review" and never "escalated"; a view the screen withheld reads like any other until read', async () => {
    // The screen is not a person: nothing is added until its case is acknowledged (my-view-journey.int-spec.ts).
    const flagged = journeyOf(await lookup().find(codes.flagged!));
    expect(flagged.journey.map((s) => s.step)).toEqual(['submitted']);
    expect(flagged.whatHappensNext).toBe(journeyOf(await lookup().find(codes['other-board']!)).whatHappensNext);
    const later = journeyOf(await lookup().find(codes['escalated-after-acceptance']!));
    expect(later.status).toBe('under-review');
    expect(JSON.stringify([flagged, later])).not.toMatch(/escalat|safeguard/i);
  });

  it('finds nothing after erasure, nor for a code never given; a mistyped code is refused before any lookup', async () => {
    await expect(lookup().find(codes.erased!)).rejects.toBeInstanceOf(NotFound);
    await expect(lookup().find('0000-0000-0000-0000-0')).rejects.toBeInstanceOf(NotFound);
    const code = codes.journey!;
    const slip = code.slice(0, 3) + (code[3] === '7' ? '8' : '7') + code.slice(4);
    await expect(lookup().find(slip)).rejects.toBeInstanceOf(InvalidReceiptCode);
  });

  it('a code is not tied to a board in the lookup: the row says which board the view belongs to', async () => {
    expect((await lookup().find(codes['other-board']!)).tenantId).toBe('tenant-south');
  });
});

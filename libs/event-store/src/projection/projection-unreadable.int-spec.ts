// Issue 17, item 5: a process with another master key sealed a view; every correctly configured runner
// then stopped at that event (reading its page failed), and the status (health, receipt checks) failed
// with it. Now the event is applied with its personal data unreadable, counted, and the runner goes on.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { testMetadata } from '../conformance/event-store.conformance.js';
import type { NewEvent } from '../port/envelope.js';
import { MasterKey } from '../personal-data/master-key.js';
import type { PersonalDataPolicy } from '../personal-data/personal-data-policy.js';
import { SqliteSubjectKeyStore } from '../personal-data/sqlite-subject-key-store.js';
import { ProtectedEventStore } from '../protected-event-store.js';
import { listParked, listUnreadable, liveTableName } from './projection-bookkeeping.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';

const policy: PersonalDataPolicy = {
  ViewGiven: (data: { author: string }) => ({ subject: data.author, paths: ['words'] }),
};

const view = (author: string, words: string): NewEvent => ({
  type: 'ViewGiven',
  data: { viewId: randomUUID(), author, words, theme: 'housing' },
  metadata: testMetadata({ actor: { id: author, role: 'young-person' } }),
});

// Keeps only real strings, as the product's projections do for erased words.
const viewsProjection: Projection = {
  name: 'views_seen',
  version: 1,
  eventTypes: ['ViewGiven'],
  tables: [
    {
      name: 'views_seen',
      columns: { view_id: 'text', theme: 'text', words: { type: 'text', nullable: true } },
      primaryKey: ['view_id'],
    },
  ],
  async apply(event, tx) {
    const data = event.data as { viewId: string; theme: string; words: unknown };
    await tx.upsert('views_seen', {
      view_id: data.viewId,
      theme: data.theme,
      words: typeof data.words === 'string' ? data.words : null,
    });
  },
};

// Another read model over the same events: it must not stop either.
const countsProjection: Projection = {
  name: 'theme_counts',
  version: 1,
  eventTypes: ['ViewGiven'],
  tables: [{ name: 'theme_counts', columns: { theme: 'text', views: 'integer' }, primaryKey: ['theme'] }],
  async apply(event, tx) {
    await tx.increment('theme_counts', { theme: (event.data as { theme: string }).theme }, 'views', 1);
  },
};

const readDatabases: Array<[string, (dir: string) => Promise<{ source: DataSource; drop(): Promise<void> }>]> = [
  [
    'SQLite',
    async (dir) => ({
      source: await new DataSource({
        type: 'better-sqlite3',
        database: join(dir, 'read.db'),
        enableWAL: true,
      }).initialize(),
      drop: async () => undefined,
    }),
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('cpb_unreadable');
      return {
        source: await new DataSource({ type: 'postgres', url: db.url, poolSize: 4 }).initialize(),
        drop: db.drop,
      };
    },
  ],
];

describe.each(readDatabases)('projections over personal data they cannot open, read models on %s', (_label, open) => {
  let dir: string;
  let raw: SqliteEventStore;
  let store: ProtectedEventStore;
  let read: { source: DataSource; drop(): Promise<void> };
  let runner: ProjectionRunner | undefined;
  const warnings: Array<{ message: string; context?: Record<string, unknown> }> = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-unreadable-'));
    raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
    store = new ProtectedEventStore({
      store: raw,
      keys: new SqliteSubjectKeyStore(raw.db, MasterKey.generate()),
      policy,
    });
    read = await open(dir);
    warnings.length = 0;
  });

  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    if (read.source.isInitialized) await read.source.destroy();
    await read.drop();
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startRunner(): Promise<ProjectionRunner> {
    runner = new ProjectionRunner({
      store,
      dataSource: read.source,
      projections: [viewsProjection, countsProjection],
      batchSize: 10,
      retryDelayMs: 1,
      pollIntervalMs: 20,
      maxRetryDelayMs: 20,
      logger: { warn: (message, context) => warnings.push({ message, context }) },
    });
    await runner.start();
    return runner;
  }

  const rows = async (projection: string, table: string) =>
    read.source.query(`SELECT * FROM ${await liveTableName(read.source, projection, table)}`) as Promise<
      Array<Record<string, unknown>>
    >;

  it('applies the event with its words unavailable, counts it, and carries on with every projection', async () => {
    for (let i = 0; i < 12; i += 1)
      await store.append(`view-${i}`, [view(`yp-${i}`, `Readable words ${i}`)], { expected: 'no_stream' });
    // The incident: another process, another master key, the same key table.
    const intruder = new ProtectedEventStore({
      store: raw,
      keys: new SqliteSubjectKeyStore(raw.db, MasterKey.generate()),
      policy,
    });
    const sealedElsewhere = view('yp-elsewhere', 'Words sealed under another master key');
    await intruder.append('view-elsewhere', [sealedElsewhere], { expected: 'no_stream' });
    for (let i = 12; i < 20; i += 1)
      await store.append(`view-${i}`, [view(`yp-${i}`, `Readable words ${i}`)], { expected: 'no_stream' });

    const r = await startRunner();
    await r.waitForCatchUp({ timeoutMs: 20_000 });

    const views = await rows('views_seen', 'views_seen');
    expect(views).toHaveLength(21);
    expect(views.filter((v) => v.words === null).map((v) => v.view_id)).toEqual([
      (sealedElsewhere.data as { viewId: string }).viewId,
    ]);
    expect(views.filter((v) => typeof v.words === 'string')).toHaveLength(20);
    expect(await rows('theme_counts', 'theme_counts')).toEqual([{ theme: 'housing', views: expect.anything() }]);
    expect(Number((await rows('theme_counts', 'theme_counts'))[0]!.views)).toBe(21);

    // The status (what health and the receipt check read) answers, with the count.
    const statuses = await r.status();
    for (const status of statuses) {
      expect(status).toMatchObject({ caughtUp: true, lag: 0, parked: 0, unreadable: 1 });
    }
    const [recorded] = await listUnreadable(read.source, 'views_seen');
    expect(recorded).toMatchObject({ version: 1, eventType: 'ViewGiven', reason: 'key' });
    expect(await listParked(read.source, 'views_seen')).toEqual([]);
    // Ids, types and why only: never the words.
    expect(warnings.map((w) => w.message)).toEqual([
      'projection applied an event whose personal data could not be opened',
      'projection applied an event whose personal data could not be opened',
    ]);
    expect(JSON.stringify(warnings)).not.toMatch(/words/i);

    // Still following the head afterwards.
    const next = view('yp-next', 'Given after');
    const appended = await store.append('view-next', [next], { expected: 'no_stream' });
    await r.waitFor(appended.position, { timeoutMs: 10_000 });
    expect(await rows('views_seen', 'views_seen')).toHaveLength(22);

    // A rebuild (after the key is re-wrapped, say) starts the count again for its version.
    expect(await r.rebuild('views_seen')).toBe(2);
    expect(await r.statusOf('views_seen')).toMatchObject({ version: 2, unreadable: 1, caughtUp: true });
    expect((await listUnreadable(read.source, 'views_seen')).map((u) => u.version)).toEqual([2]);
  }, 60_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { positionFrom, type Position, type RecordedEvent } from '../port/envelope.js';
import type { ReadAllOptions } from '../port/event-store.port.js';
import { iterateAll } from '../port/read-helpers.js';
import { listParked, liveTableName, readRegistry } from './projection-bookkeeping.js';
import type { Projection } from './projection.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';
import {
  activityEvent,
  expectedActivity,
  readActivity,
  streamActivityProjection,
  testMetadata,
  type StreamActivityOptions,
} from './stream-activity.test-projection.js';

interface ReadDatabase {
  /** A new connection to the same database (as another process would open). */
  connect(): Promise<DataSource>;
  drop(): Promise<void>;
}

const readDatabases: Array<[string, (dir: string) => Promise<ReadDatabase>]> = [
  [
    'SQLite',
    async (dir) => ({
      // Two runners in one thread on one SQLite file: better-sqlite3 busy-waits synchronously, which
      // also stalls the connection holding the lock, so keep the wait short (it is retried).
      connect: () =>
        new DataSource({
          type: 'better-sqlite3',
          database: join(dir, 'read.db'),
          enableWAL: true,
          timeout: 100,
        }).initialize(),
      drop: async () => undefined,
    }),
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTestDatabase('cpb_proj');
      return {
        connect: () => new DataSource({ type: 'postgres', url: db.url, poolSize: 4 }).initialize(),
        drop: db.drop,
      };
    },
  ],
];

const NAME = 'stream_activity';
const fixedClock = () => new Date('2026-03-01T12:00:00.000Z');

describe.each(readDatabases)('projection runner on %s', (_label, makeReadDatabase) => {
  let dir: string;
  let store: SqliteEventStore;
  let readDb: ReadDatabase;
  let connections: DataSource[];
  let runners: ProjectionRunner[];
  let seed: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-proj-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    readDb = await makeReadDatabase(dir);
    connections = [];
    runners = [];
    seed = 0;
  });

  afterEach(async () => {
    for (const runner of runners) await runner.stop();
    for (const connection of connections) if (connection.isInitialized) await connection.destroy();
    await store.close();
    await readDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(): Promise<DataSource> {
    const connection = await readDb.connect();
    connections.push(connection);
    return connection;
  }

  async function appendMany(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const { stream, event } = activityEvent(seed++);
      await store.append(stream, [event], { expected: 'any' });
    }
  }

  async function allEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of iterateAll(store)) events.push(event);
    return events;
  }

  async function runner(
    dataSource: DataSource,
    projection: StreamActivityOptions = {},
    options: Partial<ProjectionRunnerOptions> = {},
  ): Promise<ProjectionRunner> {
    const created = new ProjectionRunner({
      store,
      dataSource,
      projections: [streamActivityProjection(projection)],
      batchSize: 25,
      maxAttempts: 3,
      retryDelayMs: 1,
      pollIntervalMs: 20,
      maxRetryDelayMs: 20,
      clock: fixedClock,
      logger: { warn: () => undefined },
      ...options,
    });
    runners.push(created);
    await created.start();
    return created;
  }

  it('applies every handled event once, rows and checkpoint in one transaction per batch', async () => {
    await appendMany(120);
    const events = await allEvents();
    // Fails once, in the middle of a batch: the whole batch must roll back, or its first events would count twice.
    const flaky = events.filter((e) => e.type === 'NoteTaken' && e.stream.startsWith('acct-'))[7]!;
    let failures = 0;
    const dataSource = await connect();
    const r = await runner(dataSource, { failOn: (e) => e.id === flaky.id && failures++ === 0 });
    await r.waitForCatchUp();

    expect(failures).toBe(2);
    expect(await readActivity(dataSource)).toEqual(expectedActivity(events));
    const [status] = await r.status();
    const lastHandled = events.filter((e) => e.type !== 'Ignored' && e.stream.startsWith('acct-')).at(-1)!;
    expect(status).toMatchObject({ name: NAME, version: 1, position: lastHandled.position, lag: 0, caughtUp: true });
    expect(status!.parked).toBe(0);
  });

  it('resumes from its checkpoint after a stop without applying anything twice', async () => {
    await appendMany(60);
    const first = await runner(await connect());
    await first.waitForCatchUp();
    await first.stop();

    await appendMany(45);
    const applied: string[] = [];
    const dataSource = await connect();
    const second = await runner(dataSource, { onApply: (e) => applied.push(e.id) });
    await second.waitForCatchUp();

    const events = await allEvents();
    expect(await readActivity(dataSource)).toEqual(expectedActivity(events));
    // Only the events appended after the stop were offered to the second runner.
    const later = expectedActivity(events.slice(60)).log.map((row) => row.event_id);
    expect(applied).toHaveLength(later.length);
    expect(new Set(applied)).toEqual(new Set(later));
  });

  it('parks a poison event after maxAttempts tries, with its error, and goes on', async () => {
    await appendMany(30);
    const poison = await store.append(
      'acct-poison',
      [
        {
          type: 'NoteTaken',
          data: { note: 'PRIVATE WORDS', poison: true },
          metadata: (await allEvents())[0]!.metadata,
        },
      ],
      { expected: 'no_stream' },
    );
    await appendMany(30);
    const warnings: unknown[] = [];
    const attempts: string[] = [];
    const dataSource = await connect();
    const r = await runner(
      dataSource,
      { failOn: (e) => (e.data as { poison?: boolean }).poison === true, onApply: (e) => attempts.push(e.stream) },
      { logger: { warn: (message, context) => warnings.push({ message, context }) } },
    );
    await r.waitForCatchUp();

    const events = await allEvents();
    const poisonEvent = events.find((e) => e.stream === 'acct-poison')!;
    expect(await readActivity(dataSource)).toEqual(expectedActivity(events, (e) => e.id === poisonEvent.id));
    // Once in its batch, then maxAttempts times alone.
    expect(attempts.filter((s) => s === 'acct-poison')).toHaveLength(1 + 3);
    const parked = await listParked(dataSource, NAME);
    expect(parked).toEqual([
      expect.objectContaining({
        version: 1,
        position: poison.position,
        eventId: poisonEvent.id,
        eventType: 'NoteTaken',
        attempts: 3,
        error: 'Error: cannot apply note: PRIVATE WORDS',
        parkedAt: '2026-03-01T12:00:00.000Z',
      }),
    ]);
    const [status] = await r.status();
    expect(status).toMatchObject({ parked: 1, caughtUp: true, lag: 0 });
    expect(status!.lastError?.message).toContain('cannot apply note');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).toContain(poisonEvent.id);
    expect(JSON.stringify(warnings)).not.toContain('PRIVATE');
  });

  it('keeps a second runner passive while the first holds the lease, then it takes over', async () => {
    await appendMany(40);
    const firstApplied: string[] = [];
    const secondApplied: string[] = [];
    const first = await runner(await connect(), { onApply: (e) => firstApplied.push(e.id) }, { renewEveryMs: 20 });
    await first.waitForCatchUp();
    const dataSource = await connect();
    const second = await runner(dataSource, { onApply: (e) => secondApplied.push(e.id) }, { renewEveryMs: 20 });

    await appendMany(40);
    await first.waitForCatchUp();
    expect(first.isActive(NAME)).toBe(true);
    expect(second.isActive(NAME)).toBe(false);
    const [seen] = await second.status();
    expect(seen).toMatchObject({ active: false, leaseOwner: first.owner, lag: 0 });
    expect(secondApplied).toHaveLength(0);

    await first.stop();
    await second.waitUntilActive(NAME);
    await appendMany(40);
    await second.waitForCatchUp();
    const events = await allEvents();
    expect(await readActivity(dataSource)).toEqual(expectedActivity(events));
    expect(new Set(secondApplied)).toEqual(new Set(expectedActivity(events.slice(80)).log.map((r) => r.event_id)));
  });

  it('fences a runner whose lease expired and was taken, so nothing is applied twice', async () => {
    await appendMany(30);
    let now = fixedClock().getTime();
    const clock = () => new Date(now);
    // The first never renews on its own (a stalled process); the second tries often.
    const first = await runner(await connect(), {}, { clock, leaseTtlMs: 1000, renewEveryMs: 3_600_000 });
    await first.waitForCatchUp();
    const dataSource = await connect();
    const second = await runner(dataSource, {}, { clock, leaseTtlMs: 1000, renewEveryMs: 20 });
    expect(second.isActive(NAME)).toBe(false);

    now += 5000;
    await second.waitUntilActive(NAME);
    await appendMany(50);
    await second.waitForCatchUp();
    expect(await readActivity(dataSource)).toEqual(expectedActivity(await allEvents()));
    // The first runner tried the new events, was refused by the lease check, and stood down.
    await first.waitUntilPassive(NAME);
    const [status] = await first.status();
    expect(status).toMatchObject({ active: false, leaseOwner: second.owner });
  });

  it('rebuilds into v2 beside the live v1, keeps v1 current meanwhile, and swaps when caught up', async () => {
    await appendMany(80);
    let held = true;
    const dataSource = await connect();
    const r = await runner(dataSource, {
      // Hold the rebuild back (writing v2 tables) as a busy database would; the live v1 goes on.
      before: async (_event, tx) => {
        if (held && tx.table('activity_log').endsWith('__v2')) {
          throw Object.assign(new Error('held by the test'), { code: 'SQLITE_BUSY' });
        }
      },
    });
    await r.waitForCatchUp();
    const rebuilt = r.rebuild(NAME);

    await appendMany(30);
    await r.waitForCatchUp();
    expect(await liveTableName(dataSource, NAME, 'activity_log')).toBe('activity_log__v1');
    expect(await readActivity(dataSource)).toEqual(expectedActivity(await allEvents()));
    const [during] = await r.status();
    expect(during!.version).toBe(1);
    expect(during!.rebuild).toMatchObject({ version: 2, position: null });
    expect(during!.rebuild!.lag).toBeGreaterThan(0);

    held = false;
    await expect(rebuilt).resolves.toBe(2);
    await appendMany(10);
    await r.waitForCatchUp();
    expect(await liveTableName(dataSource, NAME, 'activity_log')).toBe('activity_log__v2');
    expect(await readActivity(dataSource)).toEqual(expectedActivity(await allEvents()));
    const runnerQuery = dataSource.createQueryRunner();
    expect(await runnerQuery.hasTable('activity_log__v1')).toBe(false);
    expect(await runnerQuery.hasTable('activity_log__v2')).toBe(true);
    await runnerQuery.release();
    const [after] = await r.status();
    expect(after).toMatchObject({ version: 2, rebuild: null, caughtUp: true });
  });

  it('rebuilds on its own when the deployed logic version changes', async () => {
    await appendMany(50);
    const old = await runner(await connect(), { version: 1 });
    await old.waitForCatchUp();
    await old.stop();

    const dataSource = await connect();
    const upgraded = await runner(dataSource, { version: 2 });
    await upgraded.waitForCatchUp();
    expect(await readRegistry(dataSource, NAME)).toEqual({ liveVersion: 2, logicVersion: 2 });
    expect(await readActivity(dataSource)).toEqual(expectedActivity(await allEvents()));
  });

  it('lets timers run while it catches up, between batches', async () => {
    await appendMany(400);
    let applied = 0;
    const seenByTimer: number[] = [];
    // Started before the runner: a catch-up that never yields would finish before the first tick.
    const timer = setInterval(() => seenByTimer.push(applied), 1);
    try {
      const r = await runner(await connect(), { onApply: () => (applied += 1) });
      await r.waitForCatchUp();
    } finally {
      clearInterval(timer);
    }
    const total = applied;
    expect(total).toBeGreaterThan(100);
    expect(seenByTimer.some((n) => n > 0 && n < total)).toBe(true);
  });

  it('runs a batch again without the write cache when the projection reaches for tx.manager', async () => {
    await appendMany(80);
    const events = await allEvents();
    let attempts = 0;
    const stale: string[] = [];
    const dataSource = await connect();
    const param = dataSource.options.type === 'postgres' ? '$1' : '?';
    const r = await runner(dataSource, {
      onApply: () => (attempts += 1),
      // Its own SQL must see the rows earlier events of the batch wrote through tx.
      before: async (event, tx) => {
        if (attempts < 5) return; // a few cached writes first
        const seen = await tx.findOne('activity_streams', { stream: event.stream });
        const direct: Array<{ events: unknown }> = await tx.manager.query(
          `SELECT events FROM ${tx.table('activity_streams')} WHERE stream = ${param}`,
          [event.stream],
        );
        if (Number(seen?.events ?? -1) !== Number(direct[0]?.events ?? -1)) stale.push(event.id);
      },
    });
    await r.waitForCatchUp();

    expect(stale).toEqual([]);
    expect(await readActivity(dataSource)).toEqual(expectedActivity(events));
    // The first batch was tried with the cache, then again without it.
    expect(attempts).toBeGreaterThan(expectedActivity(events).log.length);
    expect((await r.status())[0]!.parked).toBe(0);
  });

  it('reads on from the head after a short page, not again from its last handled event', async () => {
    await appendMany(30);
    const starts: Array<Position | undefined> = [];
    // Records where the lanes' reads start (the lag count reads pages of lagCap, not of batchSize).
    const recording = new Proxy(store, {
      get(target, property) {
        if (property === 'readAll') {
          return (options: ReadAllOptions = {}) => {
            if (options.maxCount === 25) starts.push(options.after);
            return target.readAll(options);
          };
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const r = await runner(await connect(), {}, { store: recording });
    await r.waitForCatchUp();
    // Events the projection ignores: its checkpoint stays at its last handled event.
    for (let i = 0; i < 70; i += 1) {
      const { stream, event } = activityEvent(700 + i);
      if (event.type === 'Ignored' || !stream.startsWith('acct-'))
        await store.append(stream, [event], { expected: 'any' });
    }
    const head = await store.headPosition();
    await r.waitForCatchUp();
    starts.length = 0;
    // Several polls, 20 ms apart when the machine is idle; under load, as many as come in 10 s.
    const deadline = Date.now() + 10_000;
    while (starts.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    const [status] = await r.status();
    expect(status!.position! < head!).toBe(true);
    expect(starts.length).toBeGreaterThan(1);
    expect(starts.every((after) => after === head)).toBe(true);
  });

  it('shows the lag of handled events on status', async () => {
    await appendMany(20);
    const dataSource = await connect();
    const r = await runner(dataSource);
    await r.waitForCatchUp();
    await r.stop();

    await appendMany(70);
    const events = await allEvents();
    const handledLater = expectedActivity(events.slice(20)).log.length;
    expect(handledLater).toBeLessThan(70); // some of the new events are ignored: they are not lag
    const [stopped] = await r.status();
    expect(stopped).toMatchObject({
      active: false,
      lag: handledLater,
      lagCapped: false,
      caughtUp: false,
      headPosition: events.at(-1)!.position,
    });

    await r.start();
    await r.waitForCatchUp();
    const [running] = await r.status();
    expect(running).toMatchObject({ active: true, lag: 0, caughtUp: true });
  });
  it('tells from the shared tables when every projection has passed a position, whichever runner is active', async () => {
    await appendMany(20);
    const r = await runner(await connect());
    await r.waitForCatchUp();
    await r.stop();
    // Never started: it sees only what the tables say, as an api does while a projector runs them.
    const onlooker = new ProjectionRunner({
      store,
      dataSource: await connect(),
      projections: [streamActivityProjection()],
      logger: { warn: () => undefined },
    });
    await onlooker.prepare();

    // An event the projection ignores: its checkpoint stays short of it, yet nothing it takes lies between.
    const ignored = await store.append('other-1', [{ type: 'Ignored', data: {}, metadata: testMetadata() }], {
      expected: 'any',
    });
    expect(await onlooker.waitPassed(ignored.position, { timeoutMs: 0 })).toBe(true);

    const { stream, event } = activityEvent(0);
    const handled = await store.append(stream, [event], { expected: 'any' });
    expect(await onlooker.waitPassed(handled.position, { timeoutMs: 60, pollMs: 10 })).toBe(false);

    await r.start();
    expect(await onlooker.waitPassed(handled.position, { timeoutMs: 10_000, pollMs: 10 })).toBe(true);
    // Beyond the head: not there yet, so false once the wait runs out (and nothing is kept waiting).
    const beyond = positionFrom(10n ** 18n);
    const started = Date.now();
    expect(await onlooker.waitPassed(beyond, { timeoutMs: 100, pollMs: 10 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  // SQLite's lanes share one connection, so their transactions can share one commit (GroupedTransactions);
  // PostgreSQL's run on a pool, each committing on its own.
  (_label === 'SQLite' ? it : it.skip)(
    'commits the batches of every lane an append wakes together, once, each rolled back alone when it fails',
    async () => {
      let failNext = false;
      const counter = (name: string): Projection => ({
        name,
        version: 1,
        eventTypes: 'all',
        tables: [{ name: `${name}_rows`, columns: { stream: 'text', events: 'integer' }, primaryKey: ['stream'] }],
        async apply(event, tx) {
          await tx.increment(`${name}_rows`, { stream: event.stream }, 'events', 1);
          if (name === 'count_c' && failNext) {
            failNext = false;
            throw new Error('fails once');
          }
        },
      });
      const names = ['count_a', 'count_b', 'count_c', 'count_d', 'count_e'];
      const dataSource = await connect();
      // A long lease: no renewal lands in the middle of the counting.
      const r = new ProjectionRunner({
        store,
        dataSource,
        projections: names.map(counter),
        leaseTtlMs: 600_000,
        pollIntervalMs: 20,
        retryDelayMs: 1,
        logger: { warn: () => undefined },
      });
      runners.push(r);
      await r.start();
      await r.waitForCatchUp();

      for (let i = 0; i < 3; i += 1) {
        const before = r.commits!;
        await appendMany(1);
        await r.waitForCatchUp();
        // Five lanes, five batches, one durable commit.
        expect(r.commits! - before).toBe(1);
      }
      // One lane's batch fails inside the group: its savepoint alone is rolled back, and it is tried again.
      failNext = true;
      await appendMany(1);
      await r.waitForCatchUp();

      const events = await allEvents();
      for (const name of names) {
        const rows: Array<{ total: number }> = await dataSource.query(
          `SELECT sum(events) AS total FROM ${await liveTableName(dataSource, name, `${name}_rows`)}`,
        );
        expect(Number(rows[0]!.total)).toBe(events.length);
      }
      expect(failNext).toBe(false);
    },
  );
});

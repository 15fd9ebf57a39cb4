import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import type { NewEvent, Position, RecordedEvent } from '../port/envelope.js';
import type { EventStore, ReadAllOptions } from '../port/event-store.port.js';
import { testMetadata } from '../projection/stream-activity.test-projection.js';
import { CheckpointedSubscription } from './checkpointed-subscription.js';
import { SqlSubscriptionCheckpoints } from './subscription-checkpoints.js';

const event = (type: string, i: number): NewEvent => ({ type, data: { i }, metadata: testMetadata() });

/** Records where each read of the log started. */
class CountingStore implements EventStore {
  reads: ReadAllOptions[] = [];
  constructor(private readonly inner: EventStore) {}
  get name() {
    return this.inner.name;
  }
  get chainScope() {
    return this.inner.chainScope;
  }
  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.reads.push(options);
    return this.inner.readAll(options);
  }
  append: EventStore['append'] = (s, e, o) => this.inner.append(s, e, o);
  readStream: EventStore['readStream'] = (s, o) => this.inner.readStream(s, o);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  waitForAppend: EventStore['waitForAppend'] = (t) => this.inner.waitForAppend(t);
  ping: EventStore['ping'] = () => this.inner.ping();
  close: EventStore['close'] = () => this.inner.close();
}

describe('CheckpointedSubscription: a process manager resumes where it left off', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: CountingStore;
  let db: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-checkpointed-'));
    sqlite = new SqliteEventStore({ filename: join(dir, 'events.db') });
    store = new CountingStore(sqlite);
    db = await new DataSource({
      type: 'better-sqlite3',
      driver: Database,
      database: join(dir, 'read.db'),
    }).initialize();
  });

  afterEach(async () => {
    await db.destroy();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const opened: SqlSubscriptionCheckpoints[] = [];
  afterEach(async () => {
    for (const checkpoints of opened.splice(0)) await checkpoints.close();
  });

  function checkpointsOf(source: DataSource): SqlSubscriptionCheckpoints {
    const checkpoints = new SqlSubscriptionCheckpoints(source);
    opened.push(checkpoints);
    return checkpoints;
  }

  function subscription(handled: RecordedEvent[]): CheckpointedSubscription {
    return new CheckpointedSubscription(store, {
      name: 'test-manager',
      checkpoints: checkpointsOf(db),
      filter: { eventTypes: ['Rare'] },
      batchSize: 10,
      pollIntervalMs: 20,
      handle: async (events) => {
        handled.push(...events);
      },
    });
  }

  it('keeps the last position seen, not the last match: polls read from the head, not from the last Rare event', async () => {
    await sqlite.append('rare-1', [event('Rare', 0)], { expected: 'any' });
    for (let i = 1; i <= 300; i += 1) await sqlite.append(`common-${i % 5}`, [event('Common', i)], { expected: 'any' });
    const head = (await sqlite.headPosition())!;
    const handled: RecordedEvent[] = [];
    const sub = subscription(handled).start();
    try {
      await sub.waitFor(head);
      expect(handled.map((e) => e.data)).toEqual([{ i: 0 }]);
      expect(sub.position).toBe(head);
      // Idle polls start at the head: none starts at the Rare event (which would rescan 300 events each time).
      store.reads = [];
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(store.reads.length).toBeGreaterThan(0);
      expect(store.reads.every((read) => read.after === head)).toBe(true);
      // A later match is still found, and the checkpoint moves past what follows it.
      await sqlite.append('rare-2', [event('Rare', 301)], { expected: 'any' });
      await sqlite.append('common-0', [event('Common', 302)], { expected: 'any' });
      const later = (await sqlite.headPosition())!;
      await sub.waitFor(later);
      expect(handled.map((e) => e.data)).toEqual([{ i: 0 }, { i: 301 }]);
    } finally {
      await sub.stop();
    }
  });

  it('lets timers and requests in while it works through a backlog, page by page', async () => {
    for (let i = 0; i < 200; i += 1) await sqlite.append(`rare-${i}`, [event('Rare', i)], { expected: 'any' });
    const head = (await sqlite.headPosition())!;
    const handled: RecordedEvent[] = [];
    // better-sqlite3 answers synchronously: without a yield between pages, the whole backlog (20 pages of
    // 10) would be handled before this timer could fire (at start-up the api did not listen for minutes).
    let handledWhenTimerFired = -1;
    setTimeout(() => (handledWhenTimerFired = handled.length), 0);
    const sub = subscription(handled).start();
    try {
      await sub.waitFor(head);
      expect(handled).toHaveLength(200);
      expect(handledWhenTimerFired).toBeGreaterThanOrEqual(0);
      expect(handledWhenTimerFired).toBeLessThan(200);
    } finally {
      await sub.stop();
    }
  });

  it('resumes after a restart from the saved position: nothing handled twice, the log not read from the start', async () => {
    await sqlite.append('rare-1', [event('Rare', 0)], { expected: 'any' });
    await sqlite.append('common-1', [event('Common', 1)], { expected: 'any' });
    const firstHandled: RecordedEvent[] = [];
    const first = subscription(firstHandled).start();
    await first.waitFor(await sqlite.headPosition());
    await first.stop();
    const seen = first.position!;

    await sqlite.append('rare-2', [event('Rare', 2)], { expected: 'any' });
    store.reads = [];
    const secondHandled: RecordedEvent[] = [];
    const second = subscription(secondHandled).start();
    try {
      await second.waitFor(await sqlite.headPosition());
      expect(firstHandled.map((e) => e.data)).toEqual([{ i: 0 }]);
      expect(secondHandled.map((e) => e.data)).toEqual([{ i: 2 }]);
      expect(store.reads[0]!.after).toBe(seen);
    } finally {
      await second.stop();
    }
  });

  it('saves its checkpoint at most once a saveEveryMs while appends come quickly, and where it got to on stop', async () => {
    const inner = checkpointsOf(db);
    const saves: Position[] = [];
    const sub = new CheckpointedSubscription(store, {
      name: 'busy-manager',
      checkpoints: {
        load: (name) => inner.load(name),
        save: (name, position, now) => {
          saves.push(position);
          return inner.save(name, position, now);
        },
      },
      filter: { eventTypes: ['Rare'] },
      pollIntervalMs: 20,
      saveEveryMs: 600_000,
      handle: async () => undefined,
    }).start();
    let head: Position | undefined;
    for (let i = 0; i < 20; i += 1) {
      await sqlite.append(`common-${i}`, [event(i % 4 === 0 ? 'Rare' : 'Common', i)], { expected: 'any' });
      head = (await sqlite.headPosition())!;
      await sub.waitFor(head);
    }
    // Twenty appends seen, one durable save (the first), not one each.
    expect(saves).toHaveLength(1);
    await sub.stop();
    expect(saves).toHaveLength(2);
    expect(await inner.load('busy-manager')).toBe(head);
  });

  it('offers a batch again when its handler fails, and saves nothing past it', async () => {
    await sqlite.append('rare-1', [event('Rare', 0)], { expected: 'any' });
    let failures = 1;
    const handled: unknown[] = [];
    const sub = new CheckpointedSubscription(store, {
      name: 'failing-manager',
      checkpoints: checkpointsOf(db),
      filter: { eventTypes: ['Rare'] },
      retryDelayMs: 5,
      handle: async (events) => {
        if (failures-- > 0) throw new Error('not now');
        handled.push(...events.map((e) => e.data));
      },
    }).start();
    try {
      await sub.waitFor(await sqlite.headPosition());
      expect(handled).toEqual([{ i: 0 }]);
    } finally {
      await sub.stop();
    }
  });
});

const positions = ['00000000000000000009', '00000000000000000010', '00000000000000000002'] as Position[];

describe('SqlSubscriptionCheckpoints', () => {
  it('never waits for a SQLite file another connection holds locked (the runner does, across awaits)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-checkpoint-busy-'));
    const file = join(dir, 'read.db');
    const db = await new DataSource({ type: 'better-sqlite3', driver: Database, database: file }).initialize();
    const checkpoints = new SqlSubscriptionCheckpoints(db);
    const holder = new Database(file);
    try {
      expect(await checkpoints.save('pm', positions[0]!, new Date())).toBe(true);
      holder.exec('BEGIN IMMEDIATE');
      const started = Date.now();
      expect(await checkpoints.save('pm', positions[1]!, new Date())).toBe(false);
      expect(Date.now() - started).toBeLessThan(1000);
      holder.exec('COMMIT');
      expect(await checkpoints.save('pm', positions[1]!, new Date())).toBe(true);
      expect(await checkpoints.load('pm')).toBe(positions[1]);
    } finally {
      holder.close();
      await checkpoints.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function forwardOnly(db: DataSource): Promise<void> {
    const checkpoints = new SqlSubscriptionCheckpoints(db);
    expect(await checkpoints.load('pm')).toBeUndefined();
    await checkpoints.save('pm', positions[0]!, new Date());
    await checkpoints.save('pm', positions[1]!, new Date());
    // A slower process saving an older position never moves it back.
    await checkpoints.save('pm', positions[2]!, new Date());
    expect(await new SqlSubscriptionCheckpoints(db).load('pm')).toBe(positions[1]);
    expect(await checkpoints.load('other')).toBeUndefined();
  }

  it('moves forward only, on SQLite', async () => {
    const db = await new DataSource({ type: 'better-sqlite3', driver: Database, database: ':memory:' }).initialize();
    try {
      await forwardOnly(db);
    } finally {
      await db.destroy();
    }
  });

  it('moves forward only, on PostgreSQL, with two processes creating the table at once', async () => {
    const pg = await createTestDatabase();
    const a = await new DataSource({ type: 'postgres', url: pg.url }).initialize();
    const b = await new DataSource({ type: 'postgres', url: pg.url }).initialize();
    try {
      await Promise.all([new SqlSubscriptionCheckpoints(a).load('x'), new SqlSubscriptionCheckpoints(b).load('x')]);
      await forwardOnly(a);
    } finally {
      await a.destroy();
      await b.destroy();
      await pg.drop();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import type { NewEvent, Position, RecordedEvent } from '../port/envelope.js';
import type { EventFilter, EventStore, ReadAllOptions } from '../port/event-store.port.js';
import { SharedLog } from './shared-log.js';
import { testMetadata } from './stream-activity.test-projection.js';

function event(i: number): NewEvent {
  // One event in ten is 'Rare'; streams alternate between two prefixes.
  const type = i % 10 === 0 ? 'Rare' : i % 2 === 0 ? 'Common' : 'Other';
  return { type, data: { i }, metadata: testMetadata() };
}

/** Counts the store's reads, and can hold them back or fail them. */
class CountingStore implements EventStore {
  reads: ReadAllOptions[] = [];
  failNext = false;
  constructor(private readonly inner: EventStore) {}
  get name() {
    return this.inner.name;
  }
  get chainScope() {
    return this.inner.chainScope;
  }
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.reads.push(options);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk went away');
    }
    return this.inner.readAll(options);
  }
  append: EventStore['append'] = (s, e, o) => this.inner.append(s, e, o);
  readStream: EventStore['readStream'] = (s, o) => this.inner.readStream(s, o);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  waitForAppend: EventStore['waitForAppend'] = (t) => this.inner.waitForAppend(t);
  ping: EventStore['ping'] = () => this.inner.ping();
  close: EventStore['close'] = () => this.inner.close();
}

describe('SharedLog: the log read once for lanes scanning it together', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: CountingStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-shared-log-'));
    sqlite = new SqliteEventStore({ filename: join(dir, 'events.db') });
    store = new CountingStore(sqlite);
    await appendMany(0, 1000);
  });

  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function appendMany(from: number, to: number): Promise<void> {
    for (let i = from; i < to; i += 1) {
      await sqlite.append(`${i % 2 === 0 ? 'even' : 'odd'}-${i % 7}`, [event(i)], { expected: 'any' });
    }
  }

  /** Everything a reader with this filter gets in pages of `maxCount`, as a lane would read. */
  async function readThrough(shared: SharedLog, reader: object, filter: EventFilter, maxCount: number) {
    const all: RecordedEvent[] = [];
    let after: Position | undefined;
    for (;;) {
      const page = await shared.read(reader, after, maxCount, filter);
      all.push(...page);
      if (page.length < maxCount) return all;
      after = page[page.length - 1]!.position;
    }
  }

  async function expected(filter: EventFilter): Promise<string[]> {
    return (await sqlite.readAll({ filter, maxCount: 100_000 })).map((e) => e.id);
  }

  const FILTERS: EventFilter[] = [
    {},
    { eventTypes: ['Rare'] },
    { eventTypes: ['Common', 'Rare'] },
    { streamPrefixes: ['odd-'] },
    { eventTypes: ['Rare'], streamPrefixes: ['even-'] },
  ];

  it('gives each reader exactly what a filtered read of the store gives, reading each page once', async () => {
    const shared = new SharedLog(store, { pageSize: 100, maxPages: 4 });
    const readers = FILTERS.map(() => ({}));
    const results = await Promise.all(FILTERS.map((filter, i) => readThrough(shared, readers[i]!, filter, 100)));
    for (const [i, filter] of FILTERS.entries()) {
      expect(results[i]!.map((e) => e.id)).toEqual(await expected(filter));
    }
    // 1,000 events in pages of 100: ten full pages and the short one at the head, read once each give
    // or take the few a reader read alone while the others had not yet started or had left.
    const unfiltered = store.reads.filter((r) => r.filter === undefined).length;
    expect(unfiltered).toBeLessThanOrEqual(11 + FILTERS.length);
    expect(store.reads.length).toBeLessThan(FILTERS.length * 11);
    expect(shared.size).toBe(0);
  });

  it('keeps a reader of rare events from running more than the cache ahead of the slowest', async () => {
    const shared = new SharedLog(store, { pageSize: 100, maxPages: 3 });
    const slow = {};
    // The slow reader registers at the start and takes one page.
    const first = await shared.read(slow, undefined, 100, {});
    expect(first).toHaveLength(100);
    // The rare reader needs the whole log for its 100 events; it may fill the cache, then must wait.
    let done = false;
    const rare = shared.read({}, undefined, 100, { eventTypes: ['Rare'] }).then((events) => {
      done = true;
      return events;
    });
    await settle();
    expect(done).toBe(false);
    expect(shared.size).toBeLessThanOrEqual(3);
    // Once the slow reader leaves, nothing holds the rare one back.
    shared.leave(slow);
    const events = await rare;
    expect(done).toBe(true);
    expect(events.map((e) => e.id)).toEqual(await expected({ eventTypes: ['Rare'] }));
  });

  it('lets the slowest reader read past a full cache rather than wait for itself', async () => {
    const shared = new SharedLog(store, { pageSize: 100, maxPages: 2 });
    const fast = {};
    const slow = {};
    // The fast reader fills the cache with pages 1 and 2 and waits while the slow one is at the start.
    await shared.read(slow, undefined, 1, {});
    const fastRead = readThrough(shared, fast, {}, 100);
    await settle();
    // The slow reader, behind every kept page... reads on, and both finish with the whole log.
    const slowEvents = await readThrough(shared, slow, { eventTypes: ['Rare'] }, 10);
    expect(slowEvents.map((e) => e.id)).toEqual(await expected({ eventTypes: ['Rare'] }));
    expect((await fastRead).map((e) => e.id)).toEqual(await expected({}));
  });

  it('reads on its own, with the store filtering, when it has nobody to share with', async () => {
    const shared = new SharedLog(store, { pageSize: 100 });
    const events = await readThrough(shared, {}, { eventTypes: ['Rare'] }, 50);
    expect(events.map((e) => e.id)).toEqual(await expected({ eventTypes: ['Rare'] }));
    expect(store.reads.every((r) => r.filter?.eventTypes?.[0] === 'Rare')).toBe(true);
  });

  it('never keeps a page that reached the head: events appended later are read', async () => {
    const shared = new SharedLog(store, { pageSize: 400 });
    const [a, b] = [{}, {}];
    await Promise.all([readThrough(shared, a, {}, 400), readThrough(shared, b, {}, 400)]);
    await appendMany(1000, 1010);
    const head = (await sqlite.readAll({ maxCount: 100_000 })).at(-11)!.position;
    const [later] = await Promise.all([shared.read(a, head, 400, {}), shared.read(b, head, 400, {})]);
    expect(later.map((e) => (e.data as { i: number }).i)).toEqual([...Array(10).keys()].map((i) => 1000 + i));
  });

  it('serves a reader resuming inside a kept page from that page', async () => {
    const shared = new SharedLog(store, { pageSize: 100, maxPages: 4 });
    const all = await sqlite.readAll({ maxCount: 100_000 });
    const [a, b] = [{}, {}];
    // Two readers register; a reads the first page (kept), b resumes at the 50th event.
    await shared.read(b, all[49]!.position, 1, {});
    await shared.read(a, undefined, 100, {});
    const readsBefore = store.reads.length;
    const resumed = await shared.read(b, all[59]!.position, 20, {});
    expect(resumed.map((e) => e.id)).toEqual(all.slice(60, 80).map((e) => e.id));
    expect(store.reads.length).toBe(readsBefore);
  });

  it('forgets a page whose read failed, and reads it again next time', async () => {
    const shared = new SharedLog(store, { pageSize: 100 });
    const [a, b] = [{}, {}];
    await shared.read(b, undefined, 1, {});
    store.failNext = true;
    await expect(shared.read(a, undefined, 100, {})).rejects.toThrow('disk went away');
    expect(shared.size).toBe(0);
    expect(await shared.read(a, undefined, 100, {})).toHaveLength(100);
  });
});

/** Lets pending promise chains and I/O callbacks run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

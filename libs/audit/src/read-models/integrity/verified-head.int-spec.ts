import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import {
  SqliteEventStore,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
} from '#event-store';
import { FixedClock, type AppConfig } from '#platform';
import { testMetadata } from '../../../../event-store/src/conformance/event-store.conformance.js';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import { IntegrityService } from './integrity.service.js';
import { signHead, SqlVerifiedHeads, type VerifiedHead } from './verified-head.js';

const TENANT = 'tenant-a';
const anEvent = (i: number): NewEvent => ({
  type: 'ThingHappened',
  data: { i },
  metadata: testMetadata({ tenantId: TENANT }),
});

/** The raw store, counting the events its readAll hands out: the work a check does. */
function counting(inner: EventStore): { store: EventStore; read: () => number } {
  let read = 0;
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'readAll') {
        return async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
          const page = await target.readAll(options);
          read += page.length;
          return page;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, read: () => read };
}

describe('integrity checks resume from the last verified, signed head (SQLite)', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let db: DataSource;
  let reads: ReturnType<typeof counting>;
  let service: IntegrityService;
  let n = 0;

  const append = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i += 1) {
      await sqlite.append(`thing-${(n += 1) % 7}`, [anEvent(n)], { expected: 'any' });
    }
  };
  const tamper = (sql: string, ...params: unknown[]): void => {
    const file = new Database(join(dir, 'events.db'));
    try {
      file.prepare(sql).run(...params);
    } finally {
      file.close();
    }
  };
  const checked = async () => {
    const before = reads.read();
    const report = await service.verify(TENANT);
    return { report, read: reads.read() - before };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-verified-head-'));
    sqlite = new SqliteEventStore({ filename: join(dir, 'events.db') });
    db = await new DataSource({
      type: 'better-sqlite3',
      driver: Database,
      database: join(dir, 'read.db'),
    }).initialize();
    reads = counting(sqlite);
    const config = { DATA_DIR: dir, NODE_ENV: 'test' } as AppConfig;
    service = new IntegrityService(reads.store, config, new FixedClock(new Date('2026-12-07T11:00:00Z')), db);
    await append(300);
  });

  afterEach(async () => {
    await service.onApplicationShutdown();
    await db.destroy();
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the whole log once, then only what was appended since (plus the head it resumes from)', async () => {
    const first = await checked();
    expect(first.report).toMatchObject({ ok: true, eventsChecked: 300, checkedNow: 300 });
    expect(first.report.resumedFrom).toBeUndefined();
    expect(first.read).toBe(300);

    await append(25);
    const second = await checked();
    expect(second.report).toMatchObject({ ok: true, eventsChecked: 325, checkedNow: 25 });
    expect(second.report.resumedFrom).toEqual({ position: first.report.headPosition, verifiedAt: expect.any(String) });
    // The 25 new events and the head's own event, read again: never the 300 before it.
    expect(second.read).toBe(26);
    expect(second.report.headHash).toBe((await sqlite.readAll({ after: undefined, maxCount: 1000 })).at(-1)!.hash);

    const nothingNew = await checked();
    expect(nothingNew.report).toMatchObject({ ok: true, eventsChecked: 325, checkedNow: 0 });
    expect(nothingNew.read).toBe(1);
  });

  it('finds a change among the events after the head', async () => {
    await checked();
    await append(10);
    const [changed] = await sqlite.readAll({ after: undefined, maxCount: 1000 }).then((all) => all.slice(305, 306));
    tamper(`UPDATE es_events SET data = json_set(data, '$.i', 999) WHERE position = ?`, Number(changed!.position));
    const { report } = await checked();
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.position).toBe(changed!.position);
  });

  it('checks the whole log again when the head was edited in the database, and then finds an earlier change', async () => {
    const { report: first } = await checked();
    const events = await sqlite.readAll({ after: undefined, maxCount: 1000 });
    // An intruder changes an early event, and moves the head to cover it with a head they cannot sign.
    tamper(`UPDATE es_events SET data = json_set(data, '$.i', -1) WHERE position = ?`, Number(events[10]!.position));
    const heads = new SqlVerifiedHeads(db);
    const kept = (await heads.load())!;
    await heads.save({ ...kept, position: `${kept.position}9` as VerifiedHead['position'], signature: kept.signature });
    await heads.close();
    const again = await checked();
    expect(again.report.resumedFrom).toBeUndefined();
    expect(again.report.ok).toBe(false);
    expect(again.report.firstBreak?.position).toBe(events[10]!.position);
    expect(first.ok).toBe(true);
  });

  it('checks the whole log again when the head’s own event is gone or changed', async () => {
    const { report: first } = await checked();
    tamper(`UPDATE es_events SET hash = ? WHERE position = ?`, '0'.repeat(64), Number(first.headPosition));
    const again = await checked();
    expect(again.report.resumedFrom).toBeUndefined();
    expect(again.read).toBeGreaterThanOrEqual(300);
    expect(again.report.ok).toBe(false);
  });

  it('ignores a head another key signed', async () => {
    await checked();
    const heads = new SqlVerifiedHeads(db);
    const kept = (await heads.load())!;
    await heads.save({ ...kept, keyId: 'someone-else' });
    await heads.close();
    const again = await checked();
    expect(again.report).toMatchObject({ ok: true, checkedNow: 300 });
    expect(again.report.resumedFrom).toBeUndefined();
  });
});

describe('the verified head on PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('cpb_head');
    db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('is kept and moves only forward', async () => {
    const { loadSigningKey } = await import('./signing-key.js');
    const dir = mkdtempSync(join(tmpdir(), 'cpb-head-key-'));
    try {
      const key = loadSigningKey({ dataDir: dir, production: false });
      const heads = new SqlVerifiedHeads(db);
      expect(await heads.load()).toBeUndefined();
      const at = (position: string, events: number) =>
        signHead(key, {
          position: position as VerifiedHead['position'],
          hash: 'a'.repeat(64),
          events,
          verifiedAt: '2026-12-07T11:00:00.000Z',
        });
      await heads.save(at('00000000000000000020', 20));
      await heads.save(at('00000000000000000010', 10));
      expect(await heads.load()).toEqual(at('00000000000000000020', 20));
      await heads.save(at('00000000000000000030', 30));
      expect((await heads.load())!.events).toBe(30);
      await heads.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

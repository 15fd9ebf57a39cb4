import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import {
  PostgresEventStore,
  SqliteEventStore,
  type EventStore,
  type LogRange,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadBoardOptions,
  type RecordedEvent,
} from '#event-store';
import { FixedClock, type AppConfig } from '#platform';
import { testMetadata, untilVisible } from '../../../../event-store/src/conformance/event-store.conformance.js';
import { createTestDatabase } from '../../../../testing/src/postgres/test-database.js';
import { verifyBundle } from './bundle-verifier.js';
import { writeBundle } from './bundle-writer.js';
import { IntegrityService } from './integrity.service.js';
import { signHead, SqlVerifiedHeads, type VerifiedHead } from './verified-head.js';

const TENANT = 'tenant-a';
const anEvent = (i: number): NewEvent => ({
  type: 'ThingHappened',
  data: { i },
  metadata: testMetadata({ tenantId: TENANT }),
});

interface Reads {
  /** Events handed out by readAll (the log in order: a check's work). */
  all: number;
  /** Events handed out by readBoard, and of which boards. */
  board: number;
  boards: Set<string>;
  /** Positions whose link before them was looked up, and ranges counted (a board's export's edges). */
  links: number;
  ranges: number;
}

/** The raw store, counting what its read functions hand out: the work a check or an export does. */
function counting(inner: EventStore): {
  store: EventStore;
  read: () => number;
  /** What was read so far; the boards read since the last call. */
  reads: () => Reads;
} {
  const reads: Reads = { all: 0, board: 0, boards: new Set(), links: 0, ranges: 0 };
  const wrapped: Partial<EventStore> = {
    readAll: async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
      const page = await inner.readAll(options);
      reads.all += page.length;
      return page;
    },
    ...(inner.readBoard && inner.linksBefore && inner.countEvents
      ? {
          readBoard: async (tenantId: string, options?: ReadBoardOptions): Promise<RecordedEvent[]> => {
            const page = await inner.readBoard!(tenantId, options);
            reads.board += page.length;
            for (const event of page) reads.boards.add(event.metadata.tenantId);
            return page;
          },
          linksBefore: (positions: readonly Position[]) => {
            reads.links += positions.length;
            return inner.linksBefore!(positions);
          },
          countEvents: (ranges: readonly LogRange[]) => {
            reads.ranges += ranges.length;
            return inner.countEvents!(ranges);
          },
        }
      : {}),
  };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (Object.hasOwn(wrapped, property)) return wrapped[property as keyof EventStore];
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    store,
    read: () => reads.all,
    reads: () => {
      const boards = reads.boards;
      reads.boards = new Set();
      return { ...reads, boards };
    },
  };
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

// Issue 21, item 3: one board's export reads that board's events, one link per run of other boards'
// events between them and the count of each run, plus what was appended since the last signed head; never
// the other boards' events. Two boards of very different sizes, on SQLite and on PostgreSQL.
const BIG = 'board-big';
const SMALL = 'board-small';

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

interface Log {
  readonly raw: EventStore;
  readonly db: DataSource;
  readonly dir: string;
  /** Changes an event's stored data in place, as an intruder with the database would. */
  change(position: Position): Promise<void>;
  dispose(): Promise<void>;
}

function describeBoardExport(dialect: string, open: () => Promise<Log>): void {
  describe(`a board's export touches that board's events only (${dialect})`, () => {
    let log: Log;
    let reads: ReturnType<typeof counting>;
    let service: IntegrityService;
    let n = 0;
    const sizes = new Map<string, number>();

    /** `count` appends, one board's run of 1-3 events each; the small board gets about one in forty. */
    const append = async (count: number, small = (i: number) => i % 41 === 7): Promise<void> => {
      for (let i = 0; i < count;) {
        const board = small(n) ? SMALL : BIG;
        const run = board === SMALL ? 1 : 1 + (n % 3);
        const events = Array.from({ length: run }, (_, k) => ({
          type: 'ThingHappened',
          data: { i: n + k, note: 'x'.repeat(40) },
          metadata: testMetadata({ tenantId: board }),
        }));
        await log.raw.append(`${board}-${n % 5}`, events, { expected: 'any' });
        sizes.set(board, (sizes.get(board) ?? 0) + run);
        n += run;
        i += run;
      }
      await untilVisible(log.raw);
    };
    /** What the whole-log scan writes for the same cut: the bundle format as it was. */
    const scanned = async (tenantId: string): Promise<string> => {
      const lines: string[] = [];
      const until = await log.raw.headPosition();
      for await (const line of writeBundle(log.raw, service.signingKey(), {
        tenantId,
        exportedAt: '2026-12-07T11:00:00.000Z',
        until,
      })) {
        lines.push(`${line}\n`);
      }
      return lines.join('');
    };
    const exported = async (tenantId: string): Promise<{ bundle: string; reads: Reads }> => {
      const before = reads.reads();
      const bundle = await text(await service.exportTenant(tenantId));
      const after = reads.reads();
      return {
        bundle,
        reads: {
          all: after.all - before.all,
          board: after.board - before.board,
          boards: after.boards,
          links: after.links - before.links,
          ranges: after.ranges - before.ranges,
        },
      };
    };

    beforeAll(async () => {
      log = await open();
      reads = counting(log.raw);
      const config = { DATA_DIR: log.dir, NODE_ENV: 'test' } as AppConfig;
      service = new IntegrityService(reads.store, config, new FixedClock(new Date('2026-12-07T11:00:00Z')), log.db);
      await append(1200);
    }, 60_000);

    afterAll(async () => {
      await service.onApplicationShutdown();
      await log.dispose();
    });

    it('reads the small board and the links at its edges: the whole log only on the first check', async () => {
      const total = n;
      const small = sizes.get(SMALL)!;
      expect(small).toBeGreaterThanOrEqual(15);
      expect(sizes.get(BIG)).toBeGreaterThan(small * 30);

      // No signed head yet: the check verifies the whole log once; the bundle still reads only the board.
      const first = await exported(SMALL);
      expect(first.reads).toMatchObject({ all: total, board: small, boards: new Set([SMALL]) });
      expect(first.reads.links).toBe(small);
      // One count per run of the big board's events, and one for the run up to the head.
      expect(first.reads.ranges).toBeLessThanOrEqual(small + 1);
      // Byte for byte the bundle the whole-log scan writes, and the offline verifier accepts it.
      expect(first.bundle).toBe(await scanned(SMALL));
      const lines = first.bundle.trimEnd().split('\n');
      const verified = await verifyBundle(lines, service.signingKey().publicKey);
      expect(verified).toMatchObject({ ok: true, events: small });
      expect(lines.filter((l) => l.startsWith('{"kind":"gap"'))).toHaveLength(verified.records - small);
      expect(first.bundle).not.toContain(BIG);

      // Later: what was appended since the head (and the head's own event), then the board's events.
      await append(60);
      const total2 = n;
      const small2 = sizes.get(SMALL)!;
      const again = await exported(SMALL);
      expect(again.reads).toMatchObject({ all: total2 - total + 1, board: small2, links: small2 });
      expect(again.bundle).toBe(await scanned(SMALL));
      expect(await verifyBundle(again.bundle.trimEnd().split('\n'), service.signingKey().publicKey)).toMatchObject({
        ok: true,
        events: small2,
      });
    }, 60_000);

    it('reads the big board, not the small one, and a board with no events reads no event at all', async () => {
      const big = await exported(BIG);
      expect(big.reads).toMatchObject({ all: 1, board: sizes.get(BIG), boards: new Set([BIG]) });
      expect(big.bundle).toBe(await scanned(BIG));
      const none = await exported('board-none');
      expect(none.reads).toMatchObject({ all: 1, board: 0, links: 0, ranges: 1 });
      expect(none.bundle).toBe(await scanned('board-none'));
      expect(none.bundle.trimEnd().split('\n')).toHaveLength(3); // header, one gap to the head, checkpoint
    }, 60_000);

    it("signs nothing when one of the board's events was changed before the signed head", async () => {
      const target = (await log.raw.readBoard!(SMALL, { maxCount: 5 }))[3]!;
      await log.change(target.position);
      // The check resumes after the change and passes; the board's own events are each checked as written.
      const { bundle } = await exported(SMALL);
      const lines = bundle.trimEnd().split('\n');
      expect(lines.some((l) => l.startsWith('{"kind":"checkpoint"'))).toBe(false);
      expect(lines.some((l) => l.includes(`"position":"${target.position}"`))).toBe(false);
      expect((await verifyBundle(lines, service.signingKey().publicKey)).problem?.reason).toContain('truncated');
    }, 60_000);
  });
}

describeBoardExport('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-board-export-'));
  const raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const db = await new DataSource({
    type: 'better-sqlite3',
    driver: Database,
    database: join(dir, 'read.db'),
  }).initialize();
  return {
    raw,
    db,
    dir,
    change: async (position) =>
      void raw.db.prepare(`UPDATE es_events SET data = json_set(data, '$.i', -1) WHERE position = ?`).run(position),
    dispose: async () => {
      await db.destroy();
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeBoardExport('PostgreSQL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-board-export-pg-'));
  const database = await createTestDatabase('cpb_board_export');
  const raw = await PostgresEventStore.connect({ connectionString: database.url });
  const db = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  return {
    raw,
    db,
    dir,
    change: async (position) => {
      const [xid, seq] = position.split(':');
      await db.query(
        `UPDATE es_events SET data = jsonb_set(data::jsonb, '{i}', '-1')::json WHERE transaction_id = $1::xid8 AND seq = $2`,
        [String(BigInt(xid!)), String(BigInt(seq!))],
      );
    },
    dispose: async () => {
      await db.destroy();
      await raw.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { anEvent, describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
import { verifyChain } from '../../integrity/hash-chain.js';
import { WrongExpectedVersion } from '../../port/errors.js';
import { iterateAll } from '../../port/read-helpers.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describeEventStoreConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-es-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  return {
    store,
    seedHighWatermarks: (stream, revision, position) => store.seedHighWatermarks(stream, revision, position),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite event store: a file an earlier version made', () => {
  it('drops the stream table it kept and takes revisions from the events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-es-'));
    const filename = join(dir, 'events.db');
    try {
      const old = new Database(filename);
      old.exec(`CREATE TABLE es_streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO es_streams VALUES ('s-1', 41);`);
      old.close();
      const store = new SqliteEventStore({ filename });
      try {
        const first = await store.append('s-1', [anEvent(), anEvent()], { expected: 'no_stream' });
        expect(first.nextRevision).toBe(1n);
        await expect(store.append('s-1', [anEvent()], { expected: 0n })).rejects.toMatchObject({ actual: 1n });
        const table = store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'es_streams'").get();
        expect(table).toBeUndefined();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sqlite event store: group commit', () => {
  it('commits appends made together once, each with its own answer: a refused one alone rolled back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpb-es-'));
    const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    try {
      await store.append('s-0', [anEvent()], { expected: 'no_stream' });
      const before = store.commits;
      // Twenty appends at once, as concurrent requests make them: one to a stream at a revision it is not
      // at, one repeating another's idempotency key.
      const answers = await Promise.allSettled([
        ...Array.from({ length: 17 }, (_, i) =>
          store.append(`s-${i + 1}`, [anEvent(), anEvent()], { expected: 'no_stream' }),
        ),
        store.append('s-0', [anEvent()], { expected: 5n }),
        store.append('s-0', [anEvent()], { expected: 0n, idempotencyKey: 'k-1' }),
        store.append('s-0', [anEvent()], { expected: 'any', idempotencyKey: 'k-1' }),
      ]);
      expect(store.commits - before).toBe(1);
      const accepted = answers.flatMap((a, i) => (a.status === 'fulfilled' ? [{ i, ...a.value }] : []));
      expect(answers[17]).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedVersion) });
      expect(accepted).toHaveLength(19);
      // The first 17 in order, two events each, then s-0's, then the repeat answered as the first.
      const positions = accepted.slice(0, 18).map((a) => Number(a.position));
      expect(positions).toEqual(Array.from({ length: 18 }, (_, i) => 3 + 2 * i - (i === 17 ? 1 : 0)));
      expect(accepted[18]).toMatchObject({ duplicate: true, position: accepted[17]!.position, nextRevision: 1n });
      const events = [];
      for await (const event of iterateAll(store)) events.push(event);
      expect(events).toHaveLength(1 + 34 + 1);
      expect(await verifyChain(events, 'global')).toMatchObject({ ok: true, checked: 36 });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

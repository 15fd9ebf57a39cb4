import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { anEvent, describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
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

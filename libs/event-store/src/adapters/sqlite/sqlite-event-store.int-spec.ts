import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
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

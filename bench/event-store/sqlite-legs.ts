import Database from 'better-sqlite3';
import { MasterKey, ProtectedEventStore, SqliteEventStore, SqliteSubjectKeyStore } from '#event-store';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { storeLeg, type BenchLeg } from './bench-leg.js';
import { rawEventRow, type WorkloadEvent } from './bench-workload.js';

// A stand-in for the hash column: raw rows carry one of the same width, not a computed chain.

/** Same columns and indexes as the adapter's es_events (without its streams/idempotency tables). */
const RAW_SCHEMA = `
CREATE TABLE raw_events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  event_id       TEXT    NOT NULL UNIQUE,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);`;

/**
 * The baseline: better-sqlite3 with the adapter's durability (WAL, synchronous=FULL), one
 * BEGIN; INSERT; COMMIT per event. The scan is ONE ordered statement iterated row by row, with
 * data and metadata JSON-parsed as the adapter does: the fastest an ordered read can be.
 */
export async function openRawSqlite(file: string): Promise<BenchLeg> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(RAW_SCHEMA);
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const insert = db.prepare(
    `INSERT INTO raw_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[], { position: number; data: string; metadata: string }>(
    'SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata, hash FROM raw_events ORDER BY position',
  );
  const selectStream = db.prepare<[string], { data: string; metadata: string }>(
    'SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata, hash FROM raw_events WHERE stream_id = ? ORDER BY revision',
  );
  const insertOne = (stream: string, revision: number, event: WorkloadEvent): void => {
    insert.run(...rawEventRow(stream, revision, event));
  };
  const parsed = (row: { data: string; metadata: string }): number => {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const metadata = JSON.parse(row.metadata) as { tenantId: string };
    return (typeof data === 'object' ? 1 : 0) + metadata.tenantId.length;
  };
  return {
    append: async (items) => {
      for (const { stream, previousRevision, event } of items) {
        begin.run();
        insertOne(stream, previousRevision + 1, event);
        commit.run();
      }
    },
    appendBatches: async (batches) => {
      for (const { stream, events } of batches) {
        begin.run();
        events.forEach((event, revision) => insertOne(stream, revision, event));
        commit.run();
      }
    },
    readAll: async () => {
      let count = 0;
      let checksum = 0;
      for (const row of select.iterate()) {
        checksum += parsed(row);
        count += 1;
      }
      if (count > 0 && checksum === 0) throw new Error('raw scan parsed nothing');
      return count;
    },
    readStream: async (stream) => {
      let count = 0;
      for (const row of selectStream.iterate(stream)) if (parsed(row) > 0) count += 1;
      return count;
    },
    close: async () => {
      db.close();
    },
  };
}

/** Our bare adapter, as it stands under the app's encryption. */
export async function openOursSqlite(file: string, pageSize: number): Promise<BenchLeg> {
  const store = new SqliteEventStore({ filename: file });
  return storeLeg(store, pageSize, () => store.close());
}

/**
 * The store the app uses (apps/api/src/infrastructure/event-store.factory.ts): the adapter under
 * ProtectedEventStore with the app's personal-data policy, subject keys in the same file, so a view's
 * words are sealed under its author's key on the way in and opened on the way out.
 */
export async function openProtectedSqlite(file: string, pageSize: number, masterKey: string): Promise<BenchLeg> {
  const raw = new SqliteEventStore({ filename: file });
  const store = new ProtectedEventStore({
    store: raw,
    keys: new SqliteSubjectKeyStore(raw.db, MasterKey.fromBase64(masterKey)),
    policy: PERSONAL_DATA_POLICY,
  });
  return storeLeg(store, pageSize, () => store.close());
}

import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../libs/event-store/src/adapters/sqlite/sqlite-event-store.js';
import { iterateAll } from '../../libs/event-store/src/port/read-helpers.js';
import type { BenchLeg } from './bench-leg.js';

// A stand-in for the hash column: raw rows carry one of the same width, not a computed chain.
const PLACEHOLDER_HASH = 'f'.repeat(64);

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
  return {
    append: async (items) => {
      for (const { stream, previousRevision, event } of items) {
        begin.run();
        insert.run(
          stream,
          previousRevision + 1,
          event.id,
          event.type,
          event.schemaVersion ?? 1,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          PLACEHOLDER_HASH,
        );
        commit.run();
      }
    },
    readAll: async () => {
      let count = 0;
      let checksum = 0;
      for (const row of select.iterate()) {
        const data = JSON.parse(row.data) as { agendaItem: number };
        const metadata = JSON.parse(row.metadata) as { tenantId: string };
        checksum += data.agendaItem + metadata.tenantId.length;
        count += 1;
      }
      if (count > 0 && checksum === 0) throw new Error('raw scan parsed nothing');
      return count;
    },
    close: async () => {
      db.close();
    },
  };
}

/** Our adapter: one append per event at its known revision; reads through iterateAll (the product's path). */
export async function openOursSqlite(file: string, pageSize: number): Promise<BenchLeg> {
  const store = new SqliteEventStore({ filename: file });
  return {
    append: async (items) => {
      for (const { stream, previousRevision, event } of items) {
        await store.append(stream, [event], {
          expected: previousRevision < 0 ? 'no_stream' : BigInt(previousRevision),
        });
      }
    },
    readAll: async () => {
      let count = 0;
      for await (const _event of iterateAll(store, { pageSize })) count += 1;
      return count;
    },
    close: () => store.close(),
  };
}

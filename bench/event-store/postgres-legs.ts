import pg from 'pg';
import { MasterKey, openPgPool, PostgresEventStore, PostgresSubjectKeyStore, ProtectedEventStore } from '#event-store';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { storeLeg, type BenchLeg } from './bench-leg.js';
import { rawEventRow } from './bench-workload.js';

/** Same columns and indexes as the adapter's es_events, with a plain bigserial position. */
const RAW_SCHEMA = `
CREATE TABLE raw_events (
  position       bigserial PRIMARY KEY,
  stream_id      text    NOT NULL,
  revision       bigint  NOT NULL,
  event_id       uuid    NOT NULL UNIQUE,
  type           text    NOT NULL,
  schema_version integer NOT NULL,
  data           json    NOT NULL,
  metadata       json    NOT NULL,
  hash           text    NOT NULL,
  UNIQUE (stream_id, revision)
);`;

/**
 * The baseline: one `pg` Client, one single-row INSERT per event in autocommit (its own durable
 * transaction: fsync and synchronous_commit on). The scan reads keyset pages of `pageSize`
 * (WHERE position > $1 ORDER BY position LIMIT $2), the page size our readAll uses; pg parses the
 * json columns, as it does for the adapter.
 */
export async function openRawPostgres(url: string, pageSize: number): Promise<BenchLeg> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(RAW_SCHEMA);
  const insertText = `INSERT INTO raw_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
  const scanText = `SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata, hash
    FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2`;

  return {
    append: async (items) => {
      for (const { stream, previousRevision, event } of items) {
        await client.query({
          name: 'raw-insert',
          text: insertText,
          values: rawEventRow(stream, previousRevision + 1, event),
        });
      }
    },
    // One multi-row INSERT per batch, in autocommit: one statement, one durable commit.
    appendBatches: async (batches) => {
      for (const { stream, events } of batches) {
        const values = events.flatMap((event, revision) => rawEventRow(stream, revision, event));
        const tuples = events.map((_, i) => `(${Array.from({ length: 8 }, (_, c) => `$${i * 8 + c + 1}`).join(', ')})`);
        await client.query({
          name: `raw-insert-${events.length}`,
          text: `INSERT INTO raw_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
            VALUES ${tuples.join(', ')}`,
          values,
        });
      }
    },
    readStream: async (stream) =>
      (
        await client.query({
          name: 'raw-stream',
          text: `SELECT position, stream_id, revision, event_id, type, schema_version, data, metadata, hash
            FROM raw_events WHERE stream_id = $1 ORDER BY revision`,
          values: [stream],
        })
      ).rows.length,
    readAll: async () => {
      let count = 0;
      let after = '0';
      for (;;) {
        const page = await client.query<{ position: string }>({
          name: 'raw-scan',
          text: scanText,
          values: [after, pageSize],
        });
        count += page.rows.length;
        if (page.rows.length < pageSize) return count;
        after = page.rows[page.rows.length - 1]!.position;
      }
    },
    close: () => client.end(),
  };
}

/** Our bare adapter, as it stands under the app's encryption. */
export async function openOursPostgres(url: string, pageSize: number): Promise<BenchLeg> {
  const store = await PostgresEventStore.connect({ connectionString: url });
  return storeLeg(store, pageSize, () => store.close());
}

/**
 * The store the app uses on PostgreSQL (apps/api/src/infrastructure/event-store.factory.ts): the adapter
 * under ProtectedEventStore with the app's personal-data policy, subject keys in the same database on a
 * pool of their own (max 4, as the app opens it).
 */
export async function openProtectedPostgres(url: string, pageSize: number, masterKey: string): Promise<BenchLeg> {
  const raw = await PostgresEventStore.connect({ connectionString: url });
  const pool = openPgPool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  const store = new ProtectedEventStore({
    store: raw,
    keys: new PostgresSubjectKeyStore(pool, MasterKey.fromBase64(masterKey)),
    policy: PERSONAL_DATA_POLICY,
  });
  return storeLeg(store, pageSize, async () => {
    await store.close();
    await pool.end();
  });
}

import pg from 'pg';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store.js';
import { iterateAll } from '../../libs/event-store/src/port/read-helpers.js';
import type { BenchLeg } from './bench-leg.js';

const PLACEHOLDER_HASH = 'f'.repeat(64);

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
          values: [
            stream,
            previousRevision + 1,
            event.id,
            event.type,
            event.schemaVersion ?? 1,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            PLACEHOLDER_HASH,
          ],
        });
      }
    },
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

/** Our adapter: one append per event at its known revision; reads through iterateAll (the product's path). */
export async function openOursPostgres(url: string, pageSize: number): Promise<BenchLeg> {
  const store = await PostgresEventStore.connect({ connectionString: url });
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

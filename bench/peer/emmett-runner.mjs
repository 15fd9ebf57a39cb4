// The peer leg of bench/event-store: the same workload through Emmett's SQLite and PostgreSQL
// event stores. Plain JS in its own package (bench/peer) so the main tree never depends on Emmett.
//
// Workload items are { stream, previousRevision, event: { type, data, metadata } }: one event per
// append at the known stream version (Emmett's version counts events, so previousRevision + 1;
// STREAM_DOES_NOT_EXIST for a new stream), as our leg does with revisions.
//
// openSqlite / openPostgres give a leg the bench drives interleaved with the others:
//   { append(items), readAll() -> count, close(), notes }.
// appendSqlite / appendPostgres run one leg alone and return { appendMs, readMs, readCount, notes }.
import { performance } from 'node:perf_hooks';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import {
  getSQLiteEventStore,
  readMessagesBatch as readSqliteBatch,
  sqliteConnection,
} from '@event-driven-io/emmett-sqlite';
import { getPostgreSQLEventStore, readMessagesBatch as readPostgresBatch } from '@event-driven-io/emmett-postgresql';
import { dumbo, endAllPools } from '@event-driven-io/dumbo';

const expectedVersion = (previousRevision) =>
  previousRevision < 0 ? STREAM_DOES_NOT_EXIST : BigInt(previousRevision + 1);

async function appendEach(store, items) {
  for (const { stream, previousRevision, event } of items) {
    await store.appendToStream(stream, [{ type: event.type, data: event.data, metadata: event.metadata }], {
      expectedStreamVersion: expectedVersion(previousRevision),
    });
  }
}

/** The whole log in global-position order, `pageSize` at a time, through Emmett's own batch reader. */
async function readEach(readBatch, executor, pageSize) {
  let after = 0n;
  let count = 0;
  for (;;) {
    const batch = await readBatch(executor, { after, batchSize: pageSize });
    count += batch.messages.length;
    if (batch.messages.length < pageSize) return count;
    after = batch.currentGlobalPosition;
  }
}

/**
 * emmett-sqlite with ONE shared connection (connectionOptions.singleton): by default it opens and
 * closes a connection per call, about 4x slower. Its connection sets journal_mode=WAL and keeps
 * SQLite's default synchronous=FULL, the durability of ours and of the raw baseline (checked here).
 */
export async function openSqlite(file, { pageSize = 1000 } = {}) {
  const connection = sqliteConnection({ fileName: file });
  const store = getSQLiteEventStore({ fileName: file, connectionOptions: { singleton: true, connection } });
  const [sync] = await connection.query('PRAGMA synchronous');
  const [journal] = await connection.query('PRAGMA journal_mode');
  if (Number(sync?.synchronous) !== 2 || journal?.journal_mode !== 'wal') {
    connection.close();
    throw new Error(`emmett-sqlite is not at WAL + synchronous=FULL: ${JSON.stringify({ sync, journal })}`);
  }
  await store.schema.migrate();
  return {
    notes: 'emmett-sqlite 0.42.4, one shared connection (singleton); WAL, synchronous=FULL; reads: readMessagesBatch',
    append: (items) => appendEach(store, items),
    readAll: () => readEach(readSqliteBatch, connection, pageSize),
    close: async () => connection.close(),
  };
}

/** emmett-postgresql with its default pooled connection; reads via readMessagesBatch on a dumbo pool. */
export async function openPostgres(url, { pageSize = 1000 } = {}) {
  const store = getPostgreSQLEventStore(url);
  const pool = dumbo({ connectionString: url });
  await store.schema.migrate();
  return {
    notes: 'emmett-postgresql 0.42.0, default pool; reads: readMessagesBatch',
    append: (items) => appendEach(store, items),
    readAll: () => readEach(readPostgresBatch, pool.execute, pageSize),
    close: async () => {
      await pool.close();
      await store.close();
      // dumbo shares pg.Pools per connection string with use counts that close() does not bring back
      // to zero here; left open, their idle clients die with the server and crash the process.
      await endAllPools();
    },
  };
}

async function runAlone(leg, items) {
  try {
    let started = performance.now();
    await leg.append(items);
    const appendMs = performance.now() - started;
    started = performance.now();
    const readCount = await leg.readAll();
    return { appendMs, readMs: performance.now() - started, readCount, notes: leg.notes };
  } finally {
    await leg.close();
  }
}

export async function appendSqlite(file, items, options) {
  return runAlone(await openSqlite(file, options), items);
}

export async function appendPostgres(url, items, options) {
  return runAlone(await openPostgres(url, options), items);
}

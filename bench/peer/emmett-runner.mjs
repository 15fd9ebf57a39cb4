// The peer leg of bench/event-store: the same workload through Emmett's SQLite and PostgreSQL
// event stores. Plain JS in its own package (bench/peer) so the main tree never depends on Emmett.
//
// Workload items are { stream, previousRevision, event: { type, data, metadata } }: one event per
// append at the known stream version (Emmett's version counts events, so previousRevision + 1;
// STREAM_DOES_NOT_EXIST for a new stream), as our leg does with revisions.
//
// openSqlite / openPostgres give a leg the bench drives interleaved with the others:
//   { append(items), appendBatches(batches), readAll() -> count, readStream(stream) -> count, close(), notes }.
// Emmett is run as a user gets it by default (issue 21): emmett-sqlite opens a connection per call unless
// told otherwise; `{ sqliteMode: 'singleton' }` gives it one shared connection, its fastest mode.
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

const toEmmett = (event) => ({ type: event.type, data: event.data, metadata: event.metadata });

/** Each batch as one append (one transaction) into its new stream. */
async function appendBatches(store, batches) {
  for (const { stream, events } of batches) {
    await store.appendToStream(stream, events.map(toEmmett), { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
  }
}

async function readStreamCount(store, stream) {
  return (await store.readStream(stream)).events.length;
}

async function appendEach(store, items) {
  for (const { stream, previousRevision, event } of items) {
    await store.appendToStream(stream, [toEmmett(event)], {
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
 * emmett-sqlite. By default (`sqliteMode: 'default'`, what a user gets from getSQLiteEventStore({ fileName }))
 * it opens and closes a connection per call; `'singleton'` shares one connection (its fastest mode, about
 * 4x faster on appends). Its connections set journal_mode=WAL and keep SQLite's default synchronous=FULL,
 * the durability of ours and of the raw baseline (checked here). The whole-log read goes through its
 * readMessagesBatch, which takes a connection: one opened for the reads, in either mode.
 */
export async function openSqlite(file, { pageSize = 1000, sqliteMode = 'default' } = {}) {
  const connection = sqliteConnection({ fileName: file });
  const store =
    sqliteMode === 'singleton'
      ? getSQLiteEventStore({ fileName: file, connectionOptions: { singleton: true, connection } })
      : getSQLiteEventStore({ fileName: file });
  await store.schema.migrate();
  const [sync] = await connection.query('PRAGMA synchronous');
  const [journal] = await connection.query('PRAGMA journal_mode');
  if (Number(sync?.synchronous) !== 2 || journal?.journal_mode !== 'wal') {
    connection.close();
    throw new Error(`emmett-sqlite is not at WAL + synchronous=FULL: ${JSON.stringify({ sync, journal })}`);
  }
  return {
    notes:
      sqliteMode === 'singleton'
        ? 'emmett-sqlite 0.42.4, one shared connection (singleton: its fastest mode, not its default); WAL, synchronous=FULL; reads: readMessagesBatch'
        : 'emmett-sqlite 0.42.4, its default mode (a connection opened per call); WAL, synchronous=FULL; reads: readMessagesBatch on one connection',
    append: (items) => appendEach(store, items),
    appendBatches: (batches) => appendBatches(store, batches),
    readAll: () => readEach(readSqliteBatch, connection, pageSize),
    readStream: (stream) => readStreamCount(store, stream),
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
    appendBatches: (batches) => appendBatches(store, batches),
    readAll: () => readEach(readPostgresBatch, pool.execute, pageSize),
    readStream: (stream) => readStreamCount(store, stream),
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

import { AppendSignal } from '../../port/append-signal.js';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { contentDigest } from '../../integrity/hash-chain.js';
import {
  positionFrom,
  positionParts,
  type EventMetadata,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '../../port/envelope.js';
import { InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';
import type {
  AppendOptions,
  AppendResult,
  ChainLink,
  EventStore,
  LogRange,
  ReadAllOptions,
  ReadBoardOptions,
  ReadStreamOptions,
} from '../../port/event-store.port.js';
import { validateAppend } from '../sqlite/sqlite-event-store.js';
import { PostgresAppendLane } from './postgres-append-lane.js';
import { translatePgError } from './postgres-errors.js';
import { assertSchemaName, ddlLockKey, notifyChannel, schemaSql } from './postgres-schema.js';
import { openPgPool } from './pg-pool.js';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Where the tables and the append function live; defaults to `public`. */
  readonly schema?: string;
  /** Connections for reads and concurrent appends; defaults to 10. One kept for appends and the LISTEN one come on top. */
  readonly poolSize?: number;
}

interface EventRow {
  xid: string;
  seq: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  hash: string;
}

/** es_append's answer: [status, revision, seq, xid, result] (see appendFunctionSql). */
interface AppendRow {
  answer: [
    status: 'ok' | 'duplicate' | 'conflict',
    revision: string | null,
    seq?: string,
    xid?: string,
    result?: string | null,
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BIGINT = '9223372036854775807';
const MAX_XID8 = 2n ** 64n - 1n;
const EVENT_COLUMNS = `transaction_id::text AS xid, seq, stream_id, revision, event_id, type, schema_version, data, metadata, hash`;
// Only transactions older than every transaction still running are certainly finished: a reader
// never passes an event whose transaction commits late (the bug Marten had, ordering by a sequence).
const VISIBLE = `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;

function statements(schema: string) {
  const s = `"${schema}"`;
  return {
    append: `SELECT ${s}.es_append($1, $2, $3, $4, $5::uuid[], $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[]) AS answer`,
    appendOne: `SELECT ${s}.es_append_one($1, $2, $3, $4, $5::uuid, $6::text, $7::integer, $8::json, $9::json, $10::text) AS answer`,
    readForwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events
      WHERE stream_id = $1 AND revision >= $2::bigint ORDER BY revision LIMIT $3`,
    readBackwards: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events
      WHERE stream_id = $1 AND revision <= $2::bigint ORDER BY revision DESC LIMIT $3`,
    // ^@ is starts_with(): a prefix match with no LIKE wildcards to escape.
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events
      WHERE (transaction_id, seq) > ($1::xid8, $2::bigint) AND ${VISIBLE}
        AND ($3::text[] IS NULL OR stream_id ^@ ANY ($3::text[]))
        AND ($4::text[] IS NULL OR type = ANY ($4::text[]))
      ORDER BY transaction_id, seq LIMIT $5`,
    // The same expression as the index's (es_events_board), so the index answers it.
    readBoard: `SELECT ${EVENT_COLUMNS} FROM ${s}.es_events
      WHERE (metadata ->> 'tenantId') = $1
        AND (transaction_id, seq) > ($2::xid8, $3::bigint) AND (transaction_id, seq) <= ($4::xid8, $5::bigint)
        AND ${VISIBLE}
      ORDER BY transaction_id, seq LIMIT $6`,
    // One round trip for a page of positions: a backward probe of the primary key for each.
    linksBefore: `SELECT l.xid, l.seq, l.hash
      FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS p(xid, seq, i)
      LEFT JOIN LATERAL (
        SELECT e.transaction_id::text AS xid, e.seq, e.hash FROM ${s}.es_events e
        WHERE (e.transaction_id, e.seq) < (p.xid::xid8, p.seq)
        ORDER BY e.transaction_id DESC, e.seq DESC LIMIT 1
      ) l ON true
      ORDER BY p.i`,
    // Counted in the primary key (no event row read when the table's pages are all-visible, as autovacuum
    // leaves an insert-only table): a sequence may skip numbers, so positions alone cannot say.
    countEvents: `SELECT (SELECT count(*) FROM ${s}.es_events e
        WHERE (e.transaction_id, e.seq) > (r.ax::xid8, r.aseq) AND (e.transaction_id, e.seq) <= (r.bx::xid8, r.bseq)
      ) AS n
      FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[]) WITH ORDINALITY AS r(ax, aseq, bx, bseq, i)
      ORDER BY r.i`,
    head: `SELECT transaction_id::text AS xid, seq FROM ${s}.es_events
      WHERE ${VISIBLE} ORDER BY transaction_id DESC, seq DESC LIMIT 1`,
    // Committed (a reader sees no other rows) but not yet readable: above the oldest open transaction.
    hidden: `SELECT EXISTS (SELECT 1 FROM ${s}.es_events
      WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS hidden`,
  };
}

/**
 * The PostgreSQL adapter. Every append is one round trip: a call of the `es_append` PL/pgSQL
 * function (`es_append_one` for a single event), alone in its transaction, which serialises
 * appends with an advisory lock (the hash chain is global), checks the expected revision and the
 * idempotency key, chains and inserts. Appends go over a connection kept for them (see
 * PostgresAppendLane). The global position is (transaction id, sequence); reads stop below the
 * oldest running transaction, so no event ever appears behind a reader's checkpoint.
 */
export class PostgresEventStore implements EventStore {
  readonly name = 'postgres';
  readonly chainScope = 'global' as const;
  private readonly appended = new AppendSignal();
  private readonly sql;
  private readonly lane: PostgresAppendLane;
  private listening: Promise<void> | undefined;
  private listener: pg.Client | undefined;
  private closed = false;

  private constructor(
    readonly schema: string,
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
  ) {
    this.sql = statements(schema);
    this.lane = new PostgresAppendLane(pool);
  }

  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    assertSchemaName(schema);
    const pool = openPgPool({
      connectionString: options.connectionString,
      // + 1: the connection the append lane keeps checked out never starves reads.
      max: (options.poolSize ?? 10) + 1,
      application_name: 'cpb-event-store',
      connectionTimeoutMillis: 10_000,
    });
    try {
      // One simple-protocol round trip; the lock keeps two starting processes from racing on the DDL.
      await pool.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${ddlLockKey(schema).toString()}); ${schemaSql(schema)} COMMIT;`,
      );
      await catchUpTransactionIds(pool, schema);
    } catch (error) {
      if (error instanceof LogAheadOfServer) {
        await pool.end().catch(() => undefined);
        throw error;
      }
      await pool.end().catch(() => undefined);
      throw translatePgError(error);
    }
    return new PostgresEventStore(schema, options.connectionString, pool);
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events);
    const stored = events.map(storedEvent);
    const expected = typeof options.expected === 'bigint' ? options.expected.toString() : options.expected;
    const head = [stream, expected, options.idempotencyKey ?? null, JSON.stringify(options.result) ?? null];
    let answer: AppendRow['answer'];
    try {
      // Most appends carry one event: plain parameters then, no arrays to build and parse.
      const only = stored.length === 1 ? stored[0]! : undefined;
      const [row] = await this.lane.query<AppendRow>(
        only
          ? {
              name: 'es_append_one',
              text: this.sql.appendOne,
              values: [...head, only.id, only.type, only.schemaVersion, only.data, only.metadata, only.digest],
            }
          : {
              name: 'es_append',
              text: this.sql.append,
              values: [
                ...head,
                stored.map((e) => e.id),
                stored.map((e) => e.type),
                stored.map((e) => e.schemaVersion),
                stored.map((e) => e.data),
                stored.map((e) => e.metadata),
                stored.map((e) => e.digest),
              ],
            },
      );
      answer = row!.answer;
    } catch (error) {
      throw translatePgError(error);
    }
    const [status, revision, seq, xid, result] = answer;
    if (status === 'conflict') {
      throw new WrongExpectedVersion(stream, options.expected, revision === null ? 'no_stream' : BigInt(revision));
    }
    const duplicate = status === 'duplicate';
    if (!duplicate) this.appended.notify();
    return {
      nextRevision: BigInt(revision!),
      position: positionFrom(BigInt(xid!), BigInt(seq!)),
      duplicate,
      // A repeat answers with what the first append stored; a first append with what it was given.
      result: !duplicate ? options.result : result === null || result === undefined ? undefined : JSON.parse(result),
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.from?.toString() ?? (backwards ? MAX_BIGINT : '0');
    const limit = options.maxCount === undefined ? null : Math.max(0, Math.floor(options.maxCount));
    const rows = await this.query<EventRow>(
      backwards ? 'es_read_backwards' : 'es_read_forwards',
      backwards ? this.sql.readBackwards : this.sql.readForwards,
      [stream, from, limit],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const [xid, seq] = options.after === undefined ? [0n, 0n] : afterParts(options.after);
    const prefixes = options.filter?.streamPrefixes;
    const types = options.filter?.eventTypes;
    const rows = await this.query<EventRow>('es_read_all', this.sql.readAll, [
      xid.toString(),
      seq.toString(),
      prefixes?.length ? prefixes : null,
      types?.length ? types : null,
      Math.max(0, Math.floor(options.maxCount ?? 1000)),
    ]);
    return rows.map(toRecorded);
  }

  async readBoard(tenantId: string, options: ReadBoardOptions = {}): Promise<RecordedEvent[]> {
    const [xid, seq] = options.after === undefined ? [0n, 0n] : afterParts(options.after);
    const [untilXid, untilSeq] =
      options.until === undefined ? [MAX_XID8, BigInt(MAX_BIGINT)] : afterParts(options.until);
    const rows = await this.query<EventRow>('es_read_board', this.sql.readBoard, [
      tenantId,
      xid.toString(),
      seq.toString(),
      untilXid.toString(),
      untilSeq.toString(),
      Math.max(0, Math.floor(options.maxCount ?? 1000)),
    ]);
    return rows.map(toRecorded);
  }

  async linksBefore(positions: readonly Position[]): Promise<(ChainLink | undefined)[]> {
    if (positions.length === 0) return [];
    const parts = positions.map(afterParts);
    const rows = await this.query<{ xid: string | null; seq: string | null; hash: string | null }>(
      'es_links_before',
      this.sql.linksBefore,
      [parts.map(([x]) => x.toString()), parts.map(([, s]) => s.toString())],
    );
    return rows.map((row) =>
      row.xid === null ? undefined : { position: positionFrom(BigInt(row.xid), BigInt(row.seq!)), hash: row.hash! },
    );
  }

  async countEvents(ranges: readonly LogRange[]): Promise<number[]> {
    if (ranges.length === 0) return [];
    const from = ranges.map((r) => (r.after === undefined ? [0n, 0n] : afterParts(r.after)));
    const to = ranges.map((r) => afterParts(r.upTo));
    const rows = await this.query<{ n: string }>('es_count_events', this.sql.countEvents, [
      from.map(([x]) => x!.toString()),
      from.map(([, s]) => s!.toString()),
      to.map(([x]) => x.toString()),
      to.map(([, s]) => s.toString()),
    ]);
    return rows.map((row) => Number(row.n));
  }

  async headPosition(): Promise<Position | undefined> {
    const [row] = await this.query<{ xid: string; seq: string }>('es_head', this.sql.head, []);
    return row === undefined ? undefined : positionFrom(BigInt(row.xid), BigInt(row.seq));
  }

  async hasHiddenAppends(): Promise<boolean> {
    const [row] = await this.query<{ hidden: boolean }>('es_hidden', this.sql.hidden, []);
    return row?.hidden === true;
  }

  /** Resolves on an append by this store, a NOTIFY from another process's append, or the time-out. */
  waitForAppend(timeoutMs: number): Promise<void> {
    // If LISTEN cannot start, the time-out still makes the caller poll.
    this.listen().catch(() => undefined);
    return this.appended.wait(timeoutMs);
  }

  /** Starts (once) the connection that LISTENs for appends by other processes. */
  listen(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.listening ??= this.startListener().catch((error: unknown) => {
      this.listening = undefined;
      throw translatePgError(error);
    });
    return this.listening;
  }

  async ping(): Promise<void> {
    await this.query('es_ping', 'SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listening?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    this.lane.close();
    await this.pool.end();
    this.appended.notify();
  }

  /**
   * Test hook: start a stream (one with no events yet) and the log's sequence at high values (beyond
   * 2^53). The stream's floor is what its first append follows, as for a stream carried over.
   */
  async seedHighWatermarks(stream: string, revision: bigint, position: bigint): Promise<void> {
    const s = `"${this.schema}"`;
    await this.query(
      undefined,
      `INSERT INTO ${s}.es_stream_floors (stream_id, revision) VALUES ($1, $2)
       ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision`,
      [stream, revision.toString()],
    );
    await this.query(undefined, `SELECT setval('${this.schema}.es_events_seq', $1::bigint)`, [position.toString()]);
  }

  private async query<R extends pg.QueryResultRow>(
    name: string | undefined,
    text: string,
    values: unknown[],
  ): Promise<R[]> {
    try {
      return (await this.pool.query<R>({ name, text, values })).rows;
    } catch (error) {
      throw translatePgError(error);
    }
  }

  private async startListener(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'cpb-event-store-listen',
    });
    const lost = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = undefined;
      // Notifications may have been missed while it was down: let waiters read again.
      this.appended.notify();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', () => this.appended.notify());
    await client.connect();
    await client.query(`LISTEN "${notifyChannel(this.schema)}"`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.listener = client;
  }
}

interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** JSON text, exactly as stored. */
  readonly data: string;
  readonly metadata: string;
  readonly digest: string;
}

function storedEvent(event: NewEvent): StoredEvent {
  const content = {
    id: eventId(event.id),
    type: event.type,
    schemaVersion: schemaVersion(event),
    data: event.data,
    metadata: event.metadata,
  };
  const data = JSON.stringify(content.data) as string | undefined;
  const metadata = JSON.stringify(content.metadata) as string | undefined;
  if (data === undefined || metadata === undefined) {
    throw new InvalidAppend(`event ${event.type} cannot be stored as JSON`);
  }
  return {
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data,
    metadata,
    digest: contentDigest(content),
  };
}

function eventId(id: string | undefined): string {
  if (id === undefined) return randomUUID();
  // Stored as uuid, read back lower-case: hash the form that will be read back.
  if (!UUID.test(id)) throw new InvalidAppend(`event id must be a UUID: ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

function schemaVersion(event: NewEvent): number {
  const version = event.schemaVersion ?? 1;
  if (!Number.isInteger(version) || version < 0 || version > 2 ** 31 - 1) {
    throw new InvalidAppend(`event ${event.type} has an invalid schema version: ${version}`);
  }
  return version;
}

function afterParts(after: Position): [bigint, bigint] {
  const parts = positionParts(after);
  if (parts.length !== 2) throw new Error(`not a PostgreSQL event store position: ${after}`);
  return [parts[0]!, parts[1]!];
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: BigInt(row.revision),
    position: positionFrom(BigInt(row.xid), BigInt(row.seq)),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}

/**
 * The log holds transaction ids this server has not reached: it was restored (pg_dump, pg_restore) into
 * a server other than the one that wrote it. Refused, because positions are transaction ids: events
 * above the server's counter are hidden from readers, and new events would be placed before them.
 */
export class LogAheadOfServer extends Error {
  override readonly name = 'LogAheadOfServer';
}

/**
 * Up to this many transaction ids are used up at connect to bring a restored server past the log: about
 * 15 s (300,000 were used up in 1.5 s on a 2-core machine).
 */
const MAX_XID_ADVANCE = 3_000_000n;
const XACT_SEGMENT = 0x100000n;

/**
 * After a restore into a new server, moves the server's transaction counter past the log's last
 * transaction id by using ids up (one short transaction each, on the server), so positions keep their
 * order. A gap too large for that is refused with the pg_resetwal command that closes it.
 */
async function catchUpTransactionIds(pool: pg.Pool, schema: string): Promise<void> {
  const { rows } = await pool.query<{ last: string | null; next: string }>(
    `SELECT (SELECT max(transaction_id) FROM "${schema}".es_events)::text AS last,
            pg_snapshot_xmax(pg_current_snapshot())::text AS next`,
  );
  const last = rows[0]?.last ? BigInt(rows[0].last) : undefined;
  const next = BigInt(rows[0]!.next);
  if (last === undefined || last < next) return;
  if (last - next >= MAX_XID_ADVANCE) {
    // pg_resetwal takes the next id as an epoch and a 32-bit id, at the start of a commit-log segment.
    const target = ((last + 1n + XACT_SEGMENT - 1n) / XACT_SEGMENT) * XACT_SEGMENT;
    const epoch = target >> 32n;
    const xid = target & 0xffffffffn;
    throw new LogAheadOfServer(
      `The event log's last transaction id (${last}) is ahead of this PostgreSQL server's (${next}): the ` +
        'database was restored into another server. Stop PostgreSQL and run, as its owner: ' +
        `pg_resetwal -e ${epoch} -x ${xid < 3n ? 3n : xid} <data directory>; then start it again (docs/operations.md).`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query(`
      CREATE PROCEDURE pg_temp.cpb_use_transaction_ids_until(target xid8) LANGUAGE plpgsql AS $$
      BEGIN
        WHILE pg_current_xact_id() <= target LOOP
          COMMIT;
        END LOOP;
      END $$`);
    await client.query(`CALL pg_temp.cpb_use_transaction_ids_until('${last.toString()}'::xid8)`);
  } finally {
    client.release();
  }
}

import { AppendSignal } from '../../port/append-signal.js';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { chainHash, contentDigest, GENESIS_HASH, type StoredContent } from '../../integrity/hash-chain.js';
import { positionFrom, type NewEvent, type Position, type RecordedEvent } from '../../port/envelope.js';
import { EventStoreUnavailable, InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';
import {
  STREAM_NAME,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ChainLink,
  type LogRange,
  type ReadAllOptions,
  type ReadBoardOptions,
  type ReadStreamOptions,
} from '../../port/event-store.port.js';
import { satisfies } from '../../port/expected-revision.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS es_events (
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
);
-- Where a stream with no events yet stands (carried over from elsewhere, or started high by a test):
-- its first append follows this revision. A stream's revision is otherwise max(revision) of its events.
CREATE TABLE IF NOT EXISTS es_stream_floors (
  stream_id TEXT PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
-- One board's events in log order (issue 21: a board's export reads its own events, not the whole log).
-- An index on the tenant inside the metadata, not a column of its own: nothing to back-fill in a log
-- written before it (created here over the rows there are, once), and what it finds is what the hash
-- chain covers, so no unhashed column could move an event out of a board's export. Every index ends with
-- the rowid, which is the position: the index is ordered by (tenant, position).
CREATE INDEX IF NOT EXISTS es_events_board ON es_events (json_extract(metadata, '$.tenantId'));
-- Earlier versions kept each stream's revision here, written on every append: derived data.
DROP TABLE IF EXISTS es_streams;
CREATE TABLE IF NOT EXISTS es_idempotency (
  key    TEXT PRIMARY KEY,
  answer TEXT NOT NULL
) WITHOUT ROWID;
`;

const MAX_POSITION = 2n ** 63n - 1n;

interface Row {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  schema_version: bigint;
  data: string;
  metadata: string;
  hash: string;
}

interface PendingAppend {
  readonly stream: string;
  readonly prepared: readonly PreparedEvent[];
  readonly options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

interface PreparedEvent {
  readonly content: StoredContent;
  readonly digest: string;
  readonly data: string;
  readonly metadata: string;
}

export interface SqliteEventStoreOptions {
  /** File path, or ':memory:'. */
  readonly filename: string;
  readonly busyTimeoutMs?: number;
}

/**
 * The embedded default: one SQLite file in WAL mode with synchronous=FULL, so an acknowledged
 * append survives a power cut. SQLite has one writer at a time; every append is one
 * BEGIN IMMEDIATE transaction, which also makes the global hash chain trivially serial.
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  readonly chainScope = 'global' as const;
  readonly db: Database.Database;
  private readonly appended = new AppendSignal();
  private readonly stmt;
  private readonly readAllStatements = new Map<string, Database.Statement<unknown[], Row>>();
  /** Appends waiting for the next group commit (see `append`). */
  private pending: PendingAppend[] = [];
  /** One transaction for a group of appends, each in a savepoint of its own (built once, like `write`). */
  private readonly writeGroup: Database.Transaction<
    (group: readonly PendingAppend[], outcomes: Array<{ result?: AppendResult; error?: unknown }>) => void
  >;
  private commitsMade = 0;
  // Built once: better-sqlite3 wraps the function in BEGIN/COMMIT (and SAVEPOINTs when nested).
  private readonly write: Database.Transaction<
    (stream: string, prepared: readonly PreparedEvent[], options: AppendOptions) => AppendResult
  >;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.defaultSafeIntegers(true);
    this.db.exec(SCHEMA);
    const db = this.db;
    this.stmt = {
      idempotency: db.prepare<[string], { answer: string }>('SELECT answer FROM es_idempotency WHERE key = ?'),
      remember: db.prepare('INSERT INTO es_idempotency (key, answer) VALUES (?, ?)'),
      // The UNIQUE (stream_id, revision) index answers max() with one probe.
      streamRevision: db.prepare<[string], { revision: bigint | null }>(
        'SELECT max(revision) AS revision FROM es_events WHERE stream_id = ?',
      ),
      streamFloor: db.prepare<[string], { revision: bigint }>(
        'SELECT revision FROM es_stream_floors WHERE stream_id = ?',
      ),
      lastHash: db.prepare<[], { hash: string }>('SELECT hash FROM es_events ORDER BY position DESC LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, data, metadata, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      head: db.prepare<[], { position: bigint }>('SELECT max(position) AS position FROM es_events'),
      // The same expression as the index's, so the index answers it.
      readBoard: db.prepare<[string, bigint, bigint, number], Row>(
        `SELECT * FROM es_events WHERE json_extract(metadata, '$.tenantId') = ? AND position > ? AND position <= ?
         ORDER BY position LIMIT ?`,
      ),
      linkBefore: db.prepare<[bigint], { position: bigint; hash: string }>(
        'SELECT position, hash FROM es_events WHERE position < ? ORDER BY position DESC LIMIT 1',
      ),
    };
    this.write = db.transaction(
      (stream: string, prepared: readonly PreparedEvent[], options: AppendOptions): AppendResult => {
        if (options.idempotencyKey !== undefined) {
          const seen = this.stmt.idempotency.get(options.idempotencyKey);
          if (seen) return { ...parseAnswer(seen.answer), duplicate: true };
        }
        const current = this.stmt.streamRevision.get(stream)?.revision ?? this.stmt.streamFloor.get(stream)?.revision;
        if (!satisfies(options.expected, current)) {
          throw new WrongExpectedVersion(stream, options.expected, current ?? 'no_stream');
        }
        let previous = this.stmt.lastHash.get()?.hash ?? GENESIS_HASH;
        let revision = current ?? -1n;
        let position = 0n;
        for (const event of prepared) {
          revision += 1n;
          const hash = chainHash(previous, stream, revision, event.digest);
          const info = this.stmt.insert.run(
            stream,
            revision,
            event.content.id,
            event.content.type,
            event.content.schemaVersion,
            event.data,
            event.metadata,
            hash,
          );
          position = BigInt(info.lastInsertRowid);
          previous = hash;
        }
        const answer: AppendResult = {
          nextRevision: revision,
          position: positionFrom(position),
          duplicate: false,
          result: options.result,
        };
        if (options.idempotencyKey !== undefined) {
          this.stmt.remember.run(options.idempotencyKey, formatAnswer(answer));
        }
        return answer;
      },
    );
    this.writeGroup = db.transaction(
      (group: readonly PendingAppend[], outcomes: Array<{ result?: AppendResult; error?: unknown }>): void => {
        for (const append of group) {
          try {
            outcomes.push({ result: this.write(append.stream, append.prepared, append.options) });
          } catch (error) {
            outcomes.push({ error });
            // SQLite ends the whole transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR).
            if (!this.db.inTransaction) throw error;
          }
        }
      },
    );
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events);
    const prepared = events.map((event): PreparedEvent => {
      const content = {
        id: event.id ?? randomUUID(),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata: event.metadata,
      };
      return {
        content,
        digest: contentDigest(content),
        data: JSON.stringify(content.data),
        metadata: JSON.stringify(content.metadata),
      };
    });
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ stream, prepared, options, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitPending());
    });
  }

  /** Durable commits of appends made so far (one per group): for tests and benches. */
  get commits(): number {
    return this.commitsMade;
  }

  /**
   * Group commit (ADR 0025): the appends made in one turn of the event loop (concurrent requests, and
   * those that arrived while the last commit's fsync held the thread) are written in one BEGIN IMMEDIATE
   * transaction, each in a savepoint of its own (better-sqlite3 nests a transaction function so), and
   * committed once: one fsync for them all. Each caller gets its own answer, and only after the COMMIT,
   * so an accepted append is never lost. One that fails (a wrong expected revision) rolls back its own
   * savepoint; the others commit. Appends in a group see the ones before them, so positions, revisions,
   * idempotency and the hash chain are exactly as if they had been made one after another.
   */
  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    if (group.length === 0) return;
    const outcomes: Array<{ result?: AppendResult; error?: unknown }> = [];
    try {
      this.writeGroup.immediate(group, outcomes);
      this.commitsMade += 1;
    } catch (error) {
      // Nothing committed: each append fails, with its own error when it had one.
      group.forEach((append, i) => append.reject(translate(outcomes[i]?.error ?? error)));
      return;
    }
    if (outcomes.some((outcome) => outcome.result && !outcome.result.duplicate)) this.appended.notify();
    group.forEach((append, i) => {
      const { result, error } = outcomes[i]!;
      if (result) append.resolve(result);
      else append.reject(translate(error));
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const clauses = ['stream_id = ?'];
    const params: unknown[] = [stream];
    if (options.from !== undefined) {
      clauses.push(backwards ? 'revision <= ?' : 'revision >= ?');
      params.push(options.from);
    }
    const limit = options.maxCount !== undefined ? `LIMIT ${Math.max(0, Math.floor(options.maxCount))}` : '';
    const rows = this.db
      .prepare<unknown[], Row>(
        `SELECT * FROM es_events WHERE ${clauses.join(' AND ')} ORDER BY revision ${backwards ? 'DESC' : 'ASC'} ${limit}`,
      )
      .all(...params);
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const clauses = ['position > ?'];
    const params: unknown[] = [options.after === undefined ? 0n : BigInt(options.after)];
    const prefixes = options.filter?.streamPrefixes;
    if (prefixes?.length) {
      clauses.push(`(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`);
      for (const prefix of prefixes) params.push(prefix.length, prefix);
    }
    const types = options.filter?.eventTypes;
    if (types?.length) {
      clauses.push(`type IN (${types.map(() => '?').join(', ')})`);
      params.push(...types);
    }
    params.push(options.maxCount ?? 1000);
    const rows = this.readAllStatement(clauses.join(' AND ')).all(...params);
    return rows.map(toRecorded);
  }

  /**
   * One prepared statement per shape of filter: each projection lane reads with its own at every poll,
   * and preparing the statement again each time cost more than many a read.
   */
  private readAllStatement(where: string): Database.Statement<unknown[], Row> {
    let statement = this.readAllStatements.get(where);
    if (!statement) {
      // A handful of shapes in practice (one per lane's filter); the bound keeps a caller with ever-new
      // filters from holding statements without end.
      if (this.readAllStatements.size >= 64) this.readAllStatements.clear();
      statement = this.db.prepare<unknown[], Row>(`SELECT * FROM es_events WHERE ${where} ORDER BY position LIMIT ?`);
      this.readAllStatements.set(where, statement);
    }
    return statement;
  }

  async readBoard(tenantId: string, options: ReadBoardOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after === undefined ? 0n : BigInt(options.after);
    const until = options.until === undefined ? MAX_POSITION : BigInt(options.until);
    return this.stmt.readBoard.all(tenantId, after, until, options.maxCount ?? 1000).map(toRecorded);
  }

  async linksBefore(positions: readonly Position[]): Promise<(ChainLink | undefined)[]> {
    return positions.map((position) => {
      const row = this.stmt.linkBefore.get(BigInt(position));
      return row && { position: positionFrom(row.position), hash: row.hash };
    });
  }

  /**
   * Counted from the positions, reading no row: they are dense. AUTOINCREMENT never reuses a number, a
   * rolled-back append gives its numbers back (sqlite_sequence rolls back with it), and the log never
   * deletes a row. (Counting the rows instead would walk every page of other boards' events.) Only the
   * test hook seedHighWatermarks leaves a hole; a board's export checks the sum of its counts against the
   * verified chain's length and refuses to sign when they differ.
   */
  async countEvents(ranges: readonly LogRange[]): Promise<number[]> {
    return ranges.map(({ after, upTo }) => Number(BigInt(upTo) - (after === undefined ? 0n : BigInt(after))));
  }

  async headPosition(): Promise<Position | undefined> {
    const position = this.stmt.head.get()?.position;
    return position === null || position === undefined ? undefined : positionFrom(position);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return this.appended.wait(timeoutMs);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    // Appends already made are committed (or refused) before the file closes.
    if (this.db.open) this.commitPending();
    if (this.db.open) this.db.close();
    this.appended.notify();
  }

  /**
   * Test hook: start a stream (one with no events yet) and the log at high revisions/positions
   * (beyond 2^53). The stream's floor is what its first append follows, as for a stream carried over.
   */
  async seedHighWatermarks(stream: string, revision: bigint, position: bigint): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO es_stream_floors (stream_id, revision) VALUES (?, ?)')
      .run(stream, revision);
    this.db.prepare("DELETE FROM sqlite_sequence WHERE name = 'es_events'").run();
    this.db.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES ('es_events', ?)").run(position);
  }
}

export function validateAppend(stream: string, events: readonly NewEvent[]): void {
  if (!STREAM_NAME.test(stream)) throw new InvalidAppend(`invalid stream name: ${JSON.stringify(stream)}`);
  if (events.length === 0) throw new InvalidAppend('append needs at least one event');
  for (const event of events) {
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppend('event type is required');
    if (event.data === undefined) throw new InvalidAppend(`event ${event.type} has no data`);
  }
}

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: row.revision,
    position: positionFrom(row.position),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    hash: row.hash,
  };
}

export function formatAnswer(answer: AppendResult): string {
  return JSON.stringify({
    nextRevision: answer.nextRevision.toString(),
    position: answer.position,
    result: answer.result,
  });
}

export function parseAnswer(text: string): Omit<AppendResult, 'duplicate'> {
  const parsed = JSON.parse(text) as { nextRevision: string; position: Position; result?: unknown };
  return { nextRevision: BigInt(parsed.nextRevision), position: parsed.position, result: parsed.result };
}

function translate(error: unknown): unknown {
  if (error instanceof WrongExpectedVersion || error instanceof InvalidAppend) return error;
  const code = (error as { code?: string }).code ?? '';
  if (/^SQLITE_(BUSY|FULL|IOERR|CANTOPEN|LOCKED|READONLY)/.test(code)) {
    return new EventStoreUnavailable(`SQLite: ${code}`, { cause: error });
  }
  return error;
}

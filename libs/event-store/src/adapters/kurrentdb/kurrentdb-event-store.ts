import { AppendSignal } from '../../port/append-signal.js';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  type AllStreamResolvedEvent,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { StoredContent } from '../../integrity/hash-chain.js';
import type { NewEvent, Position, RecordedEvent } from '../../port/envelope.js';
import { InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';
import {
  STREAM_NAME,
  type AppendOptions,
  type AppendResult,
  type CompletenessProblem,
  type CompletenessReport,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
} from '../../port/event-store.port.js';
import { satisfies } from '../../port/expected-revision.js';
import {
  actualRevisionOf,
  isStreamDeleted,
  isStreamNotFound,
  isWrongExpectedVersion,
  translateError,
} from './kurrentdb-errors.js';
import {
  addToHeads,
  isHiddenEvent,
  LEDGER_STREAM,
  LEDGER_TRUNCATED,
  ledgerEvent,
  parseLedgerEntry,
  streamProblem,
  UNRECORDED,
  type LedgerEntry,
  type RecordedHead,
} from './kurrentdb-ledger.js';
import {
  chainBatch,
  conflictIsCallers,
  exactStreamState,
  findIdempotentAnswer,
  fromPosition,
  matchesFilter,
  toPosition,
  toRecordedEvent,
  unpackMetadata,
  type KurrentPosition,
  type RawRecordedEvent,
} from './kurrentdb-mapping.js';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
  /**
   * How many of a stream's last events are searched for an idempotency key before appending.
   * A retry whose first attempt is older than this many events on the same stream is not recognised
   * and would be written again: command retries come within seconds, streams here grow slowly.
   */
  readonly idempotencyScan?: number;
  /** Re-reads after a conflict the adapter caused by making `any`/`stream_exists` exact. */
  readonly maxConflictRetries?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_READ_ALL_MAX = 1000;
// $all pages are filtered here, not by the server: a filtered server read that returns a short page
// does not say whether the log ended, and ending early would make callers think they had caught up.
const RAW_PAGE_FILTERED = 500;
const RAW_PAGE_MAX = 1000;
const HEAD_PAGE = 32;
const LEDGER_PAGE = 1000;
const MAX_PROBLEMS = 100;

/**
 * KurrentDB adapter. Each stream carries its own hash chain (`chainScope = 'stream'`): KurrentDB
 * serialises appends within a stream but not across streams, so the adapter reads a stream's last
 * event, computes the next hashes from it, and appends with that exact revision; the server refuses
 * the append if anything was written in between. The hash, schema version and idempotency record
 * travel in each event's KurrentDB metadata beside the envelope and are stripped on read.
 *
 * A per-stream chain cannot notice a stream deleted whole or cut at its start, so every append is also
 * recorded in the adapter's ledger stream (kurrentdb-ledger.ts), which `verifyCompleteness` checks.
 *
 * No board reads (`BoardReads`): with a chain per stream, a board's export has no global links to tie
 * its events to, and checks resume from no single head, so it verifies and reads the whole log (issue 21).
 */
export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  readonly chainScope = 'stream' as const;
  private readonly appended = new AppendSignal();
  private readonly idempotencyScan: number;
  private readonly maxConflictRetries: number;
  /** Ledger entries whose write failed, written before the next one (in order). */
  private readonly unrecorded: LedgerEntry[] = [];
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions,
  ) {
    this.idempotencyScan = Math.max(1, options.idempotencyScan ?? 200);
    this.maxConflictRetries = Math.max(0, options.maxConflictRetries ?? 10);
  }

  /** Connects and checks the server answers; an unreachable server is `EventStoreUnavailable`. */
  static async connect(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(options.connectionString);
    } catch (error) {
      throw translateError(error);
    }
    const store = new KurrentDbEventStore(client, options);
    try {
      await store.ping();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const contents = toStoredContents(stream, events);
    const key = options.idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      // Newest first; enough to find a recent idempotency key, else just the last event.
      const tail = await this.readTail(stream, key === undefined ? 1 : this.idempotencyScan);
      if (key !== undefined) {
        const seen = findIdempotentAnswer(tail, key);
        if (seen) return { ...seen, duplicate: true };
      }
      const current = tail[0]?.revision;
      if (!satisfies(options.expected, current)) {
        throw new WrongExpectedVersion(stream, options.expected, current ?? 'no_stream');
      }
      const batch = chainBatch(stream, contents, tail[0], key, options.result);
      let actual: bigint | 'no_stream';
      try {
        const written = await this.client.appendToStream(stream, batch, { streamState: exactStreamState(current) });
        if (written.success) {
          const nextRevision = written.nextExpectedRevision;
          const position = await this.positionOf(stream, nextRevision, written.position);
          await this.record({
            stream,
            first: current === undefined ? 0n : current + 1n,
            last: nextRevision,
            hash: lastHashOf(batch),
          });
          this.appended.notify();
          return { nextRevision, position, duplicate: false, result: options.result };
        }
        // Refused without an exception (a client built with `throwOnAppendFailure=false`): nothing was
        // written. The revision the refusal carries is not to be trusted (the client reads it wrongly from
        // a BatchAppend refusal), so the stream is read again for the true one.
        actual = (await this.readTail(stream, 1))[0]?.revision ?? 'no_stream';
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw translateError(error);
        actual = actualRevisionOf(error) ?? 'no_stream';
      }
      if (conflictIsCallers(options.expected) || attempt >= this.maxConflictRetries) {
        // A concurrent retry of the same command may have won the race: answer it as a duplicate.
        if (key !== undefined) {
          const seen = findIdempotentAnswer(await this.readTail(stream, this.idempotencyScan), key);
          if (seen) return { ...seen, duplicate: true };
        }
        throw new WrongExpectedVersion(stream, options.expected, actual);
      }
      // Our own exact revision went stale: re-read (which also re-checks the key) and retry.
    }
  }

  /**
   * Checks that no stream was deleted or cut short, against the ledger of appends: every stream it
   * names still starts at revision 0 and still holds the recorded hash at the recorded last revision,
   * and every stream in $all is in the ledger. Run after the chain check (`cpb verify` does both).
   */
  async verifyCompleteness(): Promise<CompletenessReport> {
    await this.flushLedger();
    const problems: CompletenessProblem[] = [];
    let problemCount = 0;
    const report = (stream: string, reason: string): void => {
      problemCount += 1;
      if (problems.length < MAX_PROBLEMS) problems.push({ stream, reason });
    };
    // $all first, then the ledger: an append finishing meanwhile is then in the ledger if it is in $all.
    const inLog = new Set<string>();
    let after: Position | undefined;
    for (;;) {
      const page = await this.readAll({ after, maxCount: LEDGER_PAGE });
      for (const event of page) inLog.add(event.stream);
      if (page.length < LEDGER_PAGE) break;
      after = page[page.length - 1]!.position;
    }
    const heads = new Map<string, RecordedHead>();
    let from = 0n;
    for (;;) {
      const read = await this.readOrDeleted(LEDGER_STREAM, {
        direction: FORWARDS,
        fromRevision: from,
        maxCount: LEDGER_PAGE,
      });
      if (read === 'deleted') {
        report(LEDGER_STREAM, 'the ledger itself was deleted');
        break;
      }
      if (from === 0n && read[0] !== undefined && read[0].revision !== 0n) {
        report(LEDGER_STREAM, LEDGER_TRUNCATED(read[0].revision));
      }
      for (const raw of read) {
        const entry = parseLedgerEntry(raw);
        if (entry === undefined) report(LEDGER_STREAM, `revision ${raw.revision} is not a ledger entry`);
        else addToHeads(heads, entry);
      }
      if (read.length < LEDGER_PAGE) break;
      from = read[read.length - 1]!.revision + 1n;
    }
    for (const [stream, head] of heads) {
      const first = await this.readOrDeleted(stream, { direction: FORWARDS, fromRevision: START, maxCount: 1 });
      const atLast =
        first === 'deleted'
          ? []
          : await this.readOrDeleted(stream, { direction: FORWARDS, fromRevision: head.last, maxCount: 1 });
      const problem = streamProblem(
        head,
        first === 'deleted' ? undefined : first[0],
        atLast === 'deleted' ? undefined : atLast[0],
      );
      if (problem !== undefined) report(stream, problem);
    }
    for (const stream of inLog) if (!heads.has(stream)) report(stream, UNRECORDED);
    return { ok: problemCount === 0, streams: heads.size, problems, problemCount };
  }

  /**
   * Records an append in the ledger. A failed write does not fail the append (its events are written
   * and a retry would be answered as a duplicate): the entry is kept and written before the next one.
   */
  private async record(entry: LedgerEntry): Promise<void> {
    this.unrecorded.push(entry);
    await this.flushLedger();
  }

  private async flushLedger(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const batch = this.unrecorded.slice(0, 100);
      try {
        const written = await this.client.appendToStream(
          LEDGER_STREAM,
          batch.map((entry) => ledgerEvent(entry, randomUUID())),
          { streamState: 'any' },
        );
        if (!written.success) return;
      } catch {
        return;
      }
      this.unrecorded.splice(0, batch.length);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const maxCount = options.maxCount === undefined ? undefined : Math.max(0, Math.floor(options.maxCount));
    if (maxCount === 0) return [];
    const raw = await this.readRawStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.from ?? (backwards ? END : START),
      maxCount,
    });
    return raw.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = Math.max(0, Math.floor(options.maxCount ?? DEFAULT_READ_ALL_MAX));
    if (maxCount === 0) return [];
    const filtered = Boolean(options.filter?.streamPrefixes?.length || options.filter?.eventTypes?.length);
    let after: KurrentPosition | undefined = options.after === undefined ? undefined : fromPosition(options.after);
    const found: RecordedEvent[] = [];
    for (;;) {
      // Slack for system events and the inclusive start position when reading unfiltered.
      const page = filtered ? RAW_PAGE_FILTERED : Math.min(maxCount - found.length + 8, RAW_PAGE_MAX);
      const raw = await this.readRawAll({
        direction: FORWARDS,
        fromPosition: after ?? START,
        maxCount: page,
      });
      for (const event of raw) {
        const position = event.position;
        // Reading from a position includes the event there; the port's `after` is exclusive.
        if (after !== undefined && comparePosition(position, after) <= 0) continue;
        after = position;
        if (isHiddenEvent(event) || !matchesFilter(event, options.filter)) continue;
        found.push(toRecordedEvent(event));
        if (found.length === maxCount) return found;
      }
      if (raw.length < page) return found;
    }
  }

  async headPosition(): Promise<Position | undefined> {
    let before: KurrentPosition | undefined;
    for (;;) {
      const raw = await this.readRawAll({ direction: BACKWARDS, fromPosition: before ?? END, maxCount: HEAD_PAGE });
      for (const event of raw) {
        const position = event.position;
        if (before !== undefined && comparePosition(position, before) >= 0) continue;
        before = position;
        if (!isHiddenEvent(event)) return toPosition(position);
      }
      if (raw.length < HEAD_PAGE) return undefined;
    }
  }

  // Appends by other processes are seen by the caller's next poll; this only wakes in-process waiters.
  waitForAppend(timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.appended.wait(timeoutMs);
  }

  async ping(): Promise<void> {
    await this.readRawAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.flushLedger();
      await this.client.dispose();
    }
    this.appended.notify();
  }

  /**
   * The $all position of the event at `revision`, read back from the stream: the append's reply
   * carries one position for the whole batch, which is not guaranteed to be the last event's as
   * `readAll` reports it, and callers wait for exactly that position.
   */
  private async positionOf(stream: string, revision: bigint, fallback: KurrentPosition | undefined): Promise<Position> {
    try {
      const [event] = await this.readRawStream(stream, { direction: FORWARDS, fromRevision: revision, maxCount: 1 });
      if (event?.revision === revision && event.position !== undefined) return toPosition(event.position);
    } catch {
      // The events are written; do not fail the append over the read-back.
    }
    if (fallback === undefined) throw new Error(`KurrentDB did not report the position of ${stream}@${revision}`);
    return toPosition(fallback);
  }

  private async readTail(stream: string, count: number): Promise<RawRecordedEvent[]> {
    return this.readRawStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: count });
  }

  private async readRawStream(
    stream: string,
    options: {
      direction: typeof FORWARDS | typeof BACKWARDS;
      fromRevision: bigint | typeof START | typeof END;
      maxCount?: number;
    },
  ): Promise<RawRecordedEvent[]> {
    const events: RawRecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, options) as AsyncIterable<ResolvedEvent>) {
        if (resolved.event !== undefined) events.push(resolved.event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateError(error);
    }
    return events;
  }

  /** A stream's events, or `deleted` for a stream KurrentDB reports as deleted (tombstoned). */
  private async readOrDeleted(
    stream: string,
    options: { direction: typeof FORWARDS; fromRevision: bigint | typeof START; maxCount: number },
  ): Promise<RawRecordedEvent[] | 'deleted'> {
    try {
      return await this.readRawStream(stream, options);
    } catch (error) {
      if (isStreamDeleted(error)) return 'deleted';
      throw error;
    }
  }

  private async readRawAll(options: {
    direction: typeof FORWARDS | typeof BACKWARDS;
    fromPosition: ReadPosition;
    maxCount: number;
  }): Promise<Array<RawRecordedEvent & { position: KurrentPosition }>> {
    const events: Array<RawRecordedEvent & { position: KurrentPosition }> = [];
    try {
      for await (const resolved of this.client.readAll(options) as AsyncIterable<AllStreamResolvedEvent>) {
        if (resolved.event !== undefined) events.push(resolved.event);
      }
    } catch (error) {
      throw translateError(error);
    }
    return events;
  }
}

/**
 * Checks the batch as the other adapters do and fixes each event's stored form. Data and metadata
 * go through JSON once here, so the hash covers exactly what the server stores and returns.
 */
function toStoredContents(stream: string, events: readonly NewEvent[]): StoredContent[] {
  if (!STREAM_NAME.test(stream)) throw new InvalidAppend(`invalid stream name: ${JSON.stringify(stream)}`);
  if (events.length === 0) throw new InvalidAppend('append needs at least one event');
  return events.map((event) => {
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppend('event type is required');
    if (event.type.startsWith('$')) throw new InvalidAppend(`event type ${event.type} is reserved for KurrentDB`);
    if (event.data === undefined) throw new InvalidAppend(`event ${event.type} has no data`);
    // KurrentDB event ids are UUIDs.
    if (event.id !== undefined && !UUID.test(event.id)) throw new InvalidAppend('event id must be a UUID');
    return {
      id: event.id ?? randomUUID(),
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: jsonCopy(event.data, 'data'),
      metadata: jsonCopy(event.metadata, 'metadata') as NewEvent['metadata'],
    };
  });
}

/** The chain hash of a batch's last event, as chainBatch put it in the metadata. */
function lastHashOf(batch: ReturnType<typeof chainBatch>): string {
  const hash = unpackMetadata(batch[batch.length - 1]!.metadata).bookkeeping?.hash;
  if (hash === undefined) throw new Error('a chained batch has no hash');
  return hash;
}

function jsonCopy(value: unknown, what: string): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) throw new InvalidAppend(`event ${what} is not JSON`);
  return JSON.parse(text) as unknown;
}

function comparePosition(a: KurrentPosition, b: KurrentPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

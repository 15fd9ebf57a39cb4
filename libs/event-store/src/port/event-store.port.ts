import type { NewEvent, Position, RecordedEvent } from './envelope.js';
import type { ExpectedRevision } from './expected-revision.js';

export interface AppendOptions {
  readonly expected: ExpectedRevision;
  /**
   * Idempotency key (the command id, tenant-scoped by the caller). Stored in the same transaction
   * as the events: a repeat returns the first result and writes nothing.
   */
  readonly idempotencyKey?: string;
  /** What the command answered, kept with the key and returned on a repeat. */
  readonly result?: unknown;
}

export interface AppendResult {
  /** The stream's last revision after the append. */
  readonly nextRevision: bigint;
  /** Global position of the last event written. */
  readonly position: Position;
  /** True when the idempotency key had been seen: nothing was written. */
  readonly duplicate: boolean;
  readonly result?: unknown;
}

export interface ReadStreamOptions {
  /** Inclusive start revision; defaults to the first (forwards) or last (backwards) event. */
  readonly from?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface EventFilter {
  /** Keep events whose stream name starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Exclusive: read events after this checkpoint; from the start when absent. */
  readonly after?: Position;
  readonly filter?: EventFilter;
  readonly maxCount?: number;
}

/** Where a global chain stands at one event: enough to link the next record to it. */
export interface ChainLink {
  readonly position: Position;
  readonly hash: string;
}

export interface ReadBoardOptions {
  /** Exclusive: events after this position; from the start when absent. */
  readonly after?: Position;
  /** Inclusive: events up to this position; to the head when absent. */
  readonly until?: Position;
  readonly maxCount?: number;
}

/** A range of the log: the events after `after` (from the start when absent) up to and including `upTo`. */
export interface LogRange {
  readonly after?: Position;
  readonly upTo: Position;
}

/**
 * One board's share of a global chain (issue 21): its events through an index on the tenant in each
 * event's metadata, and the links that tie them to the whole log, so a board's export reads that board's
 * events and one link per run of other boards' events, not the whole log. SQLite and PostgreSQL have it;
 * KurrentDB (a chain per stream) and test stores do not, and their callers scan the log instead.
 */
export interface BoardReads {
  /** One page of one board's events (`metadata.tenantId`), in log order. */
  readBoard(tenantId: string, options?: ReadBoardOptions): Promise<RecordedEvent[]>;
  /** For each position, the log's event just before it (undefined for the log's first event). */
  linksBefore(positions: readonly Position[]): Promise<(ChainLink | undefined)[]>;
  /** For each range, how many events the log holds in it. */
  countEvents(ranges: readonly LogRange[]): Promise<number[]>;
}

/** The store's board reads, when it has all of them. */
export function boardReadsOf(store: Partial<BoardReads>): BoardReads | undefined {
  const { readBoard, linksBefore, countEvents } = store;
  return readBoard && linksBefore && countEvents ? (store as BoardReads) : undefined;
}

/** How the store's hash chain links events: across the whole log, or within each stream. */
export type ChainScope = 'global' | 'stream';

/** A stream whose events are no longer all where the store's own record of its appends says. */
export interface CompletenessProblem {
  readonly stream: string;
  readonly reason: string;
}

export interface CompletenessReport {
  readonly ok: boolean;
  /** Streams the record names, each checked. */
  readonly streams: number;
  /** The first problems found (at most a hundred); `problemCount` says how many there were. */
  readonly problems: readonly CompletenessProblem[];
  readonly problemCount: number;
}

export interface EventStore extends Partial<BoardReads> {
  readonly name: string;
  readonly chainScope: ChainScope;
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Read one page of the global log in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the log, if any. */
  headPosition(): Promise<Position | undefined>;
  /**
   * True while some committed events cannot be read yet, so `headPosition` and `readAll` stop short of
   * them (PostgreSQL: events of a transaction younger than one still open anywhere in the database).
   * Absent where a committed event is readable at once. A reader that must not answer "no such thing"
   * about something just written waits while this is true.
   */
  hasHiddenAppends?(): Promise<boolean>;
  /** Resolves when something may have been appended (in this process) or after `timeoutMs`. */
  waitForAppend(timeoutMs: number): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * What a per-stream chain cannot show: that no stream was deleted or cut short. Checked against
   * the store's own record of every append. Absent where the chain is global (a removed event breaks
   * it); `cpb verify` runs it after the chain.
   */
  verifyCompleteness?(): Promise<CompletenessReport>;
}

export const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

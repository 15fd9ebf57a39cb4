// Pure mapping between the port's shapes and what the KurrentDB client reads and writes.
// No client calls here, so every rule is unit-tested without a server.
import type { JSONEventData, JSONType } from '@kurrent/kurrentdb-client';
import { chainHash, contentDigest, GENESIS_HASH, type StoredContent } from '../../integrity/hash-chain.js';
import {
  positionFrom,
  positionParts,
  type EventMetadata,
  type Position,
  type RecordedEvent,
} from '../../port/envelope.js';
import type { EventFilter } from '../../port/event-store.port.js';
import type { ExpectedRevision } from '../../port/expected-revision.js';

/** The metadata key under which the adapter keeps its bookkeeping, next to the envelope fields. */
export const STORE_KEY = '_cpb';

/** What the adapter stores in an event's KurrentDB metadata besides the envelope. */
export interface StoreBookkeeping {
  /** Format of this record, so a later adapter can read old events. */
  readonly v: 1;
  readonly hash: string;
  readonly schemaVersion: number;
  /** Only on the first event of a batch appended with an idempotency key. */
  readonly idempotency?: IdempotencyRecord;
}

export interface IdempotencyRecord {
  readonly key: string;
  /** How many events the batch wrote: the answer's revision is the first's + count - 1. */
  readonly count: number;
  /** The command's answer; absent when the caller gave none. */
  readonly result?: unknown;
}

/** A KurrentDB $all position, as the client gives it. */
export interface KurrentPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** The fields of a client `RecordedEvent` that the adapter reads (structural, so tests need no client). */
export interface RawRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: KurrentPosition;
}

export function packMetadata(envelope: EventMetadata, bookkeeping: StoreBookkeeping): Record<string, unknown> {
  if (Object.prototype.hasOwnProperty.call(envelope, STORE_KEY)) {
    // Would be silently overwritten and stripped on read.
    throw new Error(`event metadata must not use the reserved key ${STORE_KEY}`);
  }
  return { ...envelope, [STORE_KEY]: bookkeeping };
}

export interface UnpackedMetadata {
  readonly envelope: EventMetadata;
  /** Undefined for an event this adapter did not write. */
  readonly bookkeeping?: StoreBookkeeping;
}

export function unpackMetadata(raw: unknown): UnpackedMetadata {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof Uint8Array) {
    return { envelope: raw as EventMetadata };
  }
  const { [STORE_KEY]: stored, ...envelope } = raw as Record<string, unknown>;
  return { envelope: envelope as unknown as EventMetadata, bookkeeping: asBookkeeping(stored) };
}

function asBookkeeping(value: unknown): StoreBookkeeping | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const candidate = value as Partial<StoreBookkeeping>;
  if (typeof candidate.hash !== 'string' || typeof candidate.schemaVersion !== 'number') return undefined;
  return candidate as StoreBookkeeping;
}

export function toPosition(position: KurrentPosition): Position {
  return positionFrom(position.commit, position.prepare);
}

export function fromPosition(position: Position): KurrentPosition {
  const parts = positionParts(position);
  if (parts.length !== 2) {
    throw new Error(`not a KurrentDB position (commit:prepare): ${position}`);
  }
  return { commit: parts[0]!, prepare: parts[1]! };
}

/**
 * Maps a stored event back to the port's shape, stripping the adapter's bookkeeping so `metadata`
 * is exactly what was appended. An event this adapter did not write keeps its raw metadata and an
 * empty hash, so chain verification reports it instead of trusting it.
 */
export function toRecordedEvent(raw: RawRecordedEvent): RecordedEvent {
  if (raw.position === undefined) {
    // Stream reads carry the $all position from server 22.6 on; older servers cannot serve this port.
    throw new Error(
      `KurrentDB did not report the $all position of ${raw.streamId}@${raw.revision} (server >= 22.6 needed)`,
    );
  }
  const { envelope, bookkeeping } = unpackMetadata(raw.metadata);
  return {
    id: raw.id,
    stream: raw.streamId,
    revision: raw.revision,
    position: toPosition(raw.position),
    type: raw.type,
    schemaVersion: bookkeeping?.schemaVersion ?? 1,
    data: raw.data,
    metadata: envelope,
    hash: bookkeeping?.hash ?? '',
  };
}

/** System events (streams or types starting with `$`) never reach the port's callers. */
export function isSystemEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

export function matchesFilter(
  event: { readonly streamId: string; readonly type: string },
  filter?: EventFilter,
): boolean {
  const prefixes = filter?.streamPrefixes;
  if (prefixes?.length && !prefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  const types = filter?.eventTypes;
  if (types?.length && !types.includes(event.type)) return false;
  return true;
}

/** The hash the next event of a stream chains to: its last event's, or genesis for a new stream. */
export function previousHash(last: RawRecordedEvent | undefined, stream: string): string {
  if (last === undefined) return GENESIS_HASH;
  const { bookkeeping } = unpackMetadata(last.metadata);
  if (bookkeeping === undefined) {
    throw new Error(`stream ${stream} ends with an event this store did not write: its hash chain cannot be extended`);
  }
  return bookkeeping.hash;
}

/**
 * The exact stream state to send, after the caller's expectation was checked against the stream's
 * last revision as read: KurrentDB cannot serialise appends across streams, so every append names
 * the revision its hash chain was computed from.
 */
export function exactStreamState(current: bigint | undefined): bigint | 'no_stream' {
  return current === undefined ? 'no_stream' : current;
}

/**
 * Whether a conflict on the exact append is the caller's (surface it) or caused by the adapter
 * turning `any`/`stream_exists` into an exact revision (re-read and retry).
 */
export function conflictIsCallers(expected: ExpectedRevision): boolean {
  return typeof expected === 'bigint' || expected === 'no_stream';
}

/** Finds the batch that carried `key` among a stream's last events (newest first, contiguous). */
export function findIdempotentAnswer(
  newestFirst: readonly RawRecordedEvent[],
  key: string,
): { nextRevision: bigint; position: Position; result?: unknown } | undefined {
  for (const event of newestFirst) {
    const record = unpackMetadata(event.metadata).bookkeeping?.idempotency;
    if (record?.key !== key) continue;
    const nextRevision = event.revision + BigInt(record.count) - 1n;
    // The batch's last event is newer than its first, so it is in the same suffix of the stream.
    const last = newestFirst.find((candidate) => candidate.revision === nextRevision);
    if (last?.position === undefined) {
      // Never answer "not seen" for a key that was seen: that would write the batch twice.
      throw new Error(`idempotency key found but the end of its batch (revision ${nextRevision}) was not read`);
    }
    const answer = { nextRevision, position: toPosition(last.position) };
    return 'result' in record ? { ...answer, result: record.result } : answer;
  }
  return undefined;
}

/**
 * The events to send for one append: each hash chains from the stream's last event (genesis for a
 * new stream) at the revision it will take; the idempotency record rides in the first event, so it
 * is written atomically with the batch.
 */
export function chainBatch(
  stream: string,
  contents: readonly StoredContent[],
  last: RawRecordedEvent | undefined,
  key: string | undefined,
  result: unknown,
): JSONEventData[] {
  let previous = previousHash(last, stream);
  let revision = last?.revision ?? -1n;
  return contents.map((content, index) => {
    revision += 1n;
    const hash = chainHash(previous, stream, revision, contentDigest(content));
    previous = hash;
    const idempotency: IdempotencyRecord | undefined =
      index === 0 && key !== undefined
        ? { key, count: contents.length, ...(result === undefined ? {} : { result }) }
        : undefined;
    const bookkeeping: StoreBookkeeping = {
      v: 1,
      hash,
      schemaVersion: content.schemaVersion,
      ...(idempotency ? { idempotency } : {}),
    };
    return {
      id: content.id,
      contentType: 'application/json',
      type: content.type,
      data: content.data as JSONType,
      metadata: packMetadata(content.metadata, bookkeeping),
    };
  });
}

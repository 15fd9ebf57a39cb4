// The append ledger: how a deleted or cut-short stream is noticed on KurrentDB.
//
// Each stream carries its own hash chain, so a change to an event, or a hole in the middle of a stream,
// breaks that stream's chain; but a stream deleted whole, or cut at its start and scavenged, simply stops
// being read, and nothing left in the log refers to it. So after every append the adapter also appends
// one entry to a stream of its own, the ledger, naming the stream, the revisions written and the chain
// hash of the last one. `verifyCompleteness` then checks that every stream the ledger names still starts
// at revision 0 and still holds, at the last recorded revision, the event with the recorded hash (the
// stream's chain links everything before it), and that no stream in $all is missing from the ledger.
//
// The ledger's name starts with `_`, which the port's stream names cannot, so no caller's stream can
// collide with it, and reads of $all never hand its events out. Events in KurrentDB cannot be edited,
// only deleted or truncated from the start: a ledger cut or deleted and re-created starts past revision
// 0, which is reported; a ledger deleted outright leaves every stream unrecorded, which is reported.
// Pure functions here; the reads are the adapter's.
import type { JSONEventData } from '@kurrent/kurrentdb-client';
import { isSystemEvent, unpackMetadata, type RawRecordedEvent } from './kurrentdb-mapping.js';

export const LEDGER_STREAM = '_cpb-ledger';
export const LEDGER_EVENT_TYPE = 'AppendRecorded';

/** One append, as the ledger records it. */
export interface LedgerEntry {
  readonly stream: string;
  /** The first and last revisions the append wrote. */
  readonly first: bigint;
  readonly last: bigint;
  /** The chain hash of the event at `last`. */
  readonly hash: string;
}

/** What the ledger says a stream holds at least: revisions 0..last, ending with this hash. */
export interface RecordedHead {
  readonly last: bigint;
  readonly hash: string;
}

/** Events of KurrentDB itself and the adapter's ledger: never handed to the port's callers. */
export function isHiddenEvent(event: { readonly streamId: string; readonly type: string }): boolean {
  return isSystemEvent(event) || event.streamId === LEDGER_STREAM;
}

export function ledgerEvent(entry: LedgerEntry, id: string): JSONEventData {
  return {
    id,
    contentType: 'application/json',
    type: LEDGER_EVENT_TYPE,
    data: { v: 1, stream: entry.stream, first: entry.first.toString(), last: entry.last.toString(), hash: entry.hash },
    metadata: undefined,
  };
}

/** The entry a ledger event holds; undefined for anything else. */
export function parseLedgerEntry(raw: RawRecordedEvent): LedgerEntry | undefined {
  if (raw.type !== LEDGER_EVENT_TYPE || raw.data === null || typeof raw.data !== 'object') return undefined;
  const data = raw.data as Record<string, unknown>;
  const { stream, first, last, hash } = data;
  if (typeof stream !== 'string' || typeof hash !== 'string') return undefined;
  if (typeof first !== 'string' || typeof last !== 'string' || !/^\d+$/.test(first) || !/^\d+$/.test(last)) {
    return undefined;
  }
  return { stream, first: BigInt(first), last: BigInt(last), hash };
}

/** Keeps, per stream, the furthest head the ledger records (entries may land out of order). */
export function addToHeads(heads: Map<string, RecordedHead>, entry: LedgerEntry): void {
  const known = heads.get(entry.stream);
  if (known === undefined || entry.last > known.last) heads.set(entry.stream, { last: entry.last, hash: entry.hash });
}

/**
 * Why a stream no longer matches its recorded head, or undefined when it does. `first` is the stream's
 * first readable event, `atLast` the event read at the recorded last revision.
 */
export function streamProblem(
  head: RecordedHead,
  first: RawRecordedEvent | undefined,
  atLast: RawRecordedEvent | undefined,
): string | undefined {
  if (first === undefined) {
    return `deleted: the ledger records revisions 0 to ${head.last}, the stream has no events`;
  }
  if (first.revision !== 0n) {
    return `truncated: its first event is revision ${first.revision}, the ledger records it from revision 0`;
  }
  if (atLast === undefined || atLast.revision !== head.last) {
    return `cut short: revision ${head.last}, recorded by the ledger, is missing`;
  }
  const hash = unpackMetadata(atLast.metadata).bookkeeping?.hash;
  if (hash !== head.hash) {
    return `revision ${head.last} does not hold the event the ledger recorded (its chain hash differs)`;
  }
  return undefined;
}

export const UNRECORDED =
  'has events the ledger never recorded: written by another tool, or the process stopped between ' +
  'writing them and recording them (docs/operations.md, KurrentDB)';

export const LEDGER_TRUNCATED = (first: bigint): string =>
  `the ledger itself starts at revision ${first}, not 0: it was truncated, or deleted and written again`;

import { sign } from 'node:crypto';
import {
  GENESIS_HASH,
  chainHash,
  contentDigest,
  isBoards,
  iterateAll,
  type BoardReads,
  type ChainLink,
  type EventStore,
  type LogRange,
  type Position,
  type RecordedEvent,
} from '#event-store';
import {
  BUNDLE_FORMAT,
  BundleDigest,
  checkpointSigningInput,
  toBundleEvent,
  type BundleCheckpointLine,
  type BundleGap,
  type BundleHeader,
  type Checkpoint,
} from './bundle-format.js';
import type { AuditSigningKey } from './signing-key.js';

export interface BundleOptions {
  /** Only this tenant's events (other tenants' become opaque gaps); the whole log when absent. */
  readonly tenantId?: string;
  readonly exportedAt: string;
  /** Stop at this position (the head when the export began), so the bundle is one consistent cut. */
  readonly until?: Position;
  /** Called after each event read from the log (for a progress bar). */
  readonly onEvent?: (read: number) => void;
  readonly pageSize?: number;
}

/** The live log's chain is broken: we do not sign a bundle of it (run `cpb verify` / the endpoint). */
export class ChainBrokenError extends Error {
  override readonly name = 'ChainBrokenError';
  constructor(
    readonly position: Position,
    readonly event: RecordedEvent,
  ) {
    super(`the log's hash chain is broken at position ${position}: nothing was signed`);
  }
}

/** The log no longer holds what the verified chain counted: we do not sign a bundle of it. */
export class LogChangedError extends Error {
  override readonly name = 'LogChangedError';
}

interface PendingGap {
  count: number;
  previousHash: string;
  lastPosition: string;
  hash: string;
}

/**
 * The bundle's lines (without newlines), read page by page from the stored (sealed) log: memory stays flat
 * whatever the log's size. Checks every link of the live chain on the way and throws ChainBrokenError
 * rather than sign a broken log.
 */
export async function* writeBundle(
  store: Pick<EventStore, 'readAll' | 'chainScope'>,
  key: AuditSigningKey,
  options: BundleOptions,
): AsyncGenerator<string> {
  const chainScope = store.chainScope;
  const tenantId = options.tenantId;
  const keyOf = (stream: string): string => (chainScope === 'global' ? '' : stream);
  const { digest, emit } = lineWriter();
  const header: BundleHeader = {
    kind: 'header',
    format: BUNDLE_FORMAT,
    scope: tenantId === undefined ? 'log' : 'tenant',
    ...(tenantId === undefined ? {} : { tenantId }),
    chainScope,
    exportedAt: options.exportedAt,
  };
  yield emit(header);

  const liveHeads = new Map<string, string>(); // every event's chain, as stored
  const pending = new Map<string, PendingGap>(); // other tenants' events not yet written as a gap
  const emittedKeys = new Set<string>();
  let read = 0;
  let count = 0;
  let records = 0;
  let firstPosition: string | undefined;
  let lastPosition: string | undefined;
  let headHash = GENESIS_HASH;

  const gapLine = (chainKey: string): string | undefined => {
    const gap = pending.get(chainKey);
    if (gap === undefined) return undefined;
    pending.delete(chainKey);
    const record: BundleGap = {
      kind: 'gap',
      ...(chainScope === 'stream' ? { stream: chainKey } : {}),
      count: gap.count,
      lastPosition: gap.lastPosition,
      previousHash: gap.previousHash,
      hash: gap.hash,
    };
    records += 1;
    // Per-stream gaps may be written after later events of other streams: keep the highest position.
    if (lastPosition === undefined || gap.lastPosition > lastPosition) lastPosition = gap.lastPosition;
    headHash = gap.hash;
    emittedKeys.add(chainKey);
    return emit(record);
  };

  for await (const event of iterateAll(store, { until: options.until, pageSize: options.pageSize ?? 1000 })) {
    const chainKey = keyOf(event.stream);
    const previous = liveHeads.get(chainKey) ?? GENESIS_HASH;
    if (chainHash(previous, event.stream, event.revision, contentDigest(event)) !== event.hash) {
      throw new ChainBrokenError(event.position, event);
    }
    liveHeads.set(chainKey, event.hash);
    read += 1;
    options.onEvent?.(read);
    if (tenantId !== undefined && !isBoards(event, tenantId)) {
      const gap = pending.get(chainKey);
      if (gap === undefined) {
        pending.set(chainKey, { count: 1, previousHash: previous, lastPosition: event.position, hash: event.hash });
      } else {
        gap.count += 1;
        gap.lastPosition = event.position;
        gap.hash = event.hash;
      }
      continue;
    }
    const gap = gapLine(chainKey);
    if (gap !== undefined) yield gap;
    count += 1;
    records += 1;
    firstPosition ??= event.position;
    lastPosition = event.position;
    headHash = event.hash;
    emittedKeys.add(chainKey);
    yield emit(toBundleEvent(event, previous));
  }
  // On a global chain the last gap carries the bundle to the log's head; on per-stream chains, only the
  // tenant's own streams are continued (other streams are not the tenant's business).
  for (const chainKey of [...pending.keys()]) {
    if (chainScope === 'global' || emittedKeys.has(chainKey)) {
      const gap = gapLine(chainKey);
      if (gap !== undefined) yield gap;
    }
  }

  const checkpoint: Checkpoint = {
    format: BUNDLE_FORMAT,
    scope: header.scope,
    ...(tenantId === undefined ? {} : { tenantId }),
    chainScope,
    exportedAt: options.exportedAt,
    count,
    records,
    ...(firstPosition === undefined ? {} : { firstPosition }),
    ...(lastPosition === undefined ? {} : { lastPosition }),
    headHash,
    bundleDigest: digest.value,
    keyId: key.keyId,
  };
  yield checkpointLine(checkpoint, key);
}

export interface BoardBundleOptions {
  readonly tenantId: string;
  readonly exportedAt: string;
  /** The head a check verified just before (the bundle stops there), or none when the log is empty. */
  readonly until: ChainLink | undefined;
  /** Events in the chain up to and including `until`, as that check counted them. */
  readonly events: number;
  readonly pageSize?: number;
}

/**
 * One board's bundle on a global chain from that board's events only (issue 21), in the same format as
 * `writeBundle` (and byte for byte the same bundle for the same cut): the board's events through the
 * store's board index, and for each run of other boards' events between them one gap line built from
 * the run's edges, the event just before the next of the board's (its position and hash) and a count.
 * Each of the board's events is checked against its stored hash from its content and the hash before it.
 * The chain as a whole is not walked: the caller has verified it up to `until` (resuming from a signed
 * head), and a check of another board's event before that head is `cpb verify`'s. Throws LogChangedError
 * (before the checkpoint, so nothing is signed) when the counts do not add up to the verified length.
 */
export async function* writeBoardBundle(
  store: BoardReads,
  key: AuditSigningKey,
  options: BoardBundleOptions,
): AsyncGenerator<string> {
  const { tenantId, until } = options;
  const pageSize = options.pageSize ?? 1000;
  const { digest, emit } = lineWriter();
  const header: BundleHeader = {
    kind: 'header',
    format: BUNDLE_FORMAT,
    scope: 'tenant',
    tenantId,
    chainScope: 'global',
    exportedAt: options.exportedAt,
  };
  yield emit(header);

  let last: ChainLink | undefined; // the last record written: where the chain stands (none: genesis)
  let count = 0;
  let records = 0;
  let covered = 0; // events the bundle accounts for: its own and the gaps' counts
  let firstPosition: string | undefined;
  const gap = (events: number, edge: ChainLink): string => {
    const record: BundleGap = {
      kind: 'gap',
      count: events,
      lastPosition: edge.position,
      previousHash: last?.hash ?? GENESIS_HASH,
      hash: edge.hash,
    };
    if (events < 1) throw new LogChangedError(`no events counted up to position ${edge.position}`);
    records += 1;
    covered += events;
    last = edge;
    return emit(record);
  };

  if (until !== undefined) {
    for (let after: Position | undefined; ;) {
      const page = await store.readBoard(tenantId, { after, until: until.position, maxCount: pageSize });
      if (page.length === 0) break;
      // Per page, one look-up of the links before the board's events and one of the gaps' counts.
      const links = await store.linksBefore(page.map((event) => event.position));
      const ranges: LogRange[] = [];
      let previous = last?.position;
      for (const [i, event] of page.entries()) {
        const link = links[i];
        if (link !== undefined && link.position !== previous) ranges.push({ after: previous, upTo: link.position });
        previous = event.position;
      }
      const counts = await store.countEvents(ranges);
      let next = 0;
      for (const [i, event] of page.entries()) {
        const link = links[i];
        if (link !== undefined && link.position !== last?.position) {
          yield gap(counts[next]!, link);
          next += 1;
        }
        const previousHash = link?.hash ?? GENESIS_HASH;
        if (chainHash(previousHash, event.stream, event.revision, contentDigest(event)) !== event.hash) {
          throw new ChainBrokenError(event.position, event);
        }
        count += 1;
        records += 1;
        covered += 1;
        firstPosition ??= event.position;
        last = { position: event.position, hash: event.hash };
        yield emit(toBundleEvent(event, previousHash));
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.position;
    }
    // The last gap carries the bundle to the verified head, so its head hash is the whole log's.
    if (last?.position !== until.position) {
      const [events] = await store.countEvents([{ after: last?.position, upTo: until.position }]);
      yield gap(events!, until);
    }
  }
  if (covered !== options.events) {
    throw new LogChangedError(
      `the bundle accounts for ${covered} events where the verified chain has ${options.events}: nothing was signed`,
    );
  }

  const checkpoint: Checkpoint = {
    format: BUNDLE_FORMAT,
    scope: 'tenant',
    tenantId,
    chainScope: 'global',
    exportedAt: options.exportedAt,
    count,
    records,
    ...(firstPosition === undefined ? {} : { firstPosition }),
    ...(last === undefined ? {} : { lastPosition: last.position }),
    headHash: last?.hash ?? GENESIS_HASH,
    bundleDigest: digest.value,
    keyId: key.keyId,
  };
  yield checkpointLine(checkpoint, key);
}

/** A bundle's last line: its checkpoint, signed with the audit key (whichever way the bundle was read). */
function checkpointLine(checkpoint: Checkpoint, key: AuditSigningKey): string {
  const line: BundleCheckpointLine = {
    kind: 'checkpoint',
    checkpoint,
    signature: sign(null, checkpointSigningInput(checkpoint), key.privateKey).toString('base64'),
  };
  return JSON.stringify(line);
}

/** A bundle's digest and the writer of its lines: each line goes into the digest its checkpoint signs. */
function lineWriter(): { digest: BundleDigest; emit(record: object): string } {
  const digest = new BundleDigest();
  const emit = (record: object): string => {
    const line = JSON.stringify(record);
    digest.add(line);
    return line;
  };
  return { digest, emit };
}

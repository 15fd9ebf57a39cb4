import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { EventMetadata, Position, RecordedEvent } from '../port/envelope.js';
import type { ChainScope } from '../port/event-store.port.js';

// The package is CommonJS with an ESM-style declaration; take the function whichever way it loads.
type Canonicalize = (input: unknown) => string | undefined;
/** RFC 8785 canonical JSON (undefined for what JSON cannot hold). */
export const canonicalize: Canonicalize =
  (canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  (canonicalizeModule as unknown as Canonicalize);

/** The hash before the first event of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface StoredContent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** As stored: personal data already encrypted, so erasure never changes what was hashed. */
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the RFC 8785 canonical JSON of an event's stored content. */
export function contentDigest(content: StoredContent): string {
  const canonical = canonicalize({
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: content.metadata,
  });
  if (canonical === undefined) throw new Error('event content cannot be canonicalised');
  return sha256Hex(canonical);
}

/** One link: the previous hash, where the event sits, and its content digest. */
export function chainHash(previous: string, stream: string, revision: bigint, digest: string): string {
  return sha256Hex(`${previous}|${stream}|${revision.toString()}|${digest}`);
}

export interface ChainBreak {
  readonly position: Position;
  readonly stream: string;
  readonly revision: bigint;
  readonly reason: string;
}

export interface ChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly lastHash: string;
  readonly lastPosition?: Position;
  readonly firstBreak?: ChainBreak;
}

/** Where an earlier verification ended: the events given start right after it (global chains only). */
export interface VerifiedHeadMark {
  readonly position: Position;
  readonly hash: string;
}

/**
 * Walks events in log order and checks every link. Stops at the first break.
 * Works on stored events (ciphertext), so it needs no keys and erasure never breaks it.
 * With `from`, the events continue a global chain verified up to that mark, and are checked against it.
 */
export async function verifyChain(
  events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
  scope: ChainScope,
  onProgress?: (checked: number) => void,
  from?: VerifiedHeadMark,
): Promise<ChainReport> {
  if (from && scope !== 'global') throw new Error('a chain per stream cannot resume from one mark');
  const heads = new Map<string, { hash: string; revision: bigint }>();
  if (from) heads.set('', { hash: from.hash, revision: -1n });
  let checked = 0;
  let lastHash = from?.hash ?? GENESIS_HASH;
  let lastPosition: Position | undefined = from?.position;
  for await (const event of events) {
    const key = scope === 'global' ? '' : event.stream;
    const head = heads.get(key);
    const previous = head?.hash ?? GENESIS_HASH;
    const fail = (reason: string): ChainReport => ({
      ok: false,
      checked,
      lastHash,
      lastPosition,
      firstBreak: { position: event.position, stream: event.stream, revision: event.revision, reason },
    });
    if (lastPosition !== undefined && event.position <= lastPosition) {
      return fail('position out of order');
    }
    const expected = chainHash(previous, event.stream, event.revision, contentDigest(event));
    if (expected !== event.hash) {
      return fail(
        head === undefined && checked > 0 && scope === 'stream'
          ? 'first event of stream does not start a chain'
          : 'hash does not match the previous hash and the stored content (changed, removed or reordered)',
      );
    }
    heads.set(key, { hash: event.hash, revision: event.revision });
    lastHash = event.hash;
    lastPosition = event.position;
    checked += 1;
    onProgress?.(checked);
  }
  return { ok: true, checked, lastHash, lastPosition };
}

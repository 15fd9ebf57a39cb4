import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { ChainScope, RecordedEvent } from '#event-store';

// An export bundle is one JSON Lines file (docs/audit.md, ADR 0008):
//   line 1      header      what was exported (whole log or one tenant), the chain's scope, when
//   lines 2..n  event | gap the events as stored, each with its previous hash and its hash; in a tenant's
//                           bundle a run of other tenants' events is one opaque `gap` (two hashes, a count)
//   last line   checkpoint  counts, first/last position, head hash and a digest of every line above,
//                           signed with Ed25519
// Every line is plain JSON.stringify output, so a verifier can hash the exact bytes it read.

export const BUNDLE_FORMAT = 'cpb-audit-bundle/1';

export type BundleScope = 'log' | 'tenant';

export interface BundleHeader {
  readonly kind: 'header';
  readonly format: typeof BUNDLE_FORMAT;
  readonly scope: BundleScope;
  /** Only in a tenant's bundle. */
  readonly tenantId?: string;
  readonly chainScope: ChainScope;
  readonly exportedAt: string;
}

/** One event as the log stores it: sealed personal data stays sealed. */
export interface BundleEvent {
  readonly kind: 'event';
  readonly position: string;
  readonly stream: string;
  /** A decimal string: revisions are 64-bit. */
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: RecordedEvent['metadata'];
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * Events of other tenants between two of this tenant's, as the chain links them: the hash before the run
 * and the hash after it. Nothing of their content, streams or types. On a per-stream chain it names the
 * (this tenant's) stream it sits in.
 */
export interface BundleGap {
  readonly kind: 'gap';
  readonly stream?: string;
  readonly count: number;
  readonly lastPosition: string;
  readonly previousHash: string;
  readonly hash: string;
}

export interface Checkpoint {
  readonly format: typeof BUNDLE_FORMAT;
  readonly scope: BundleScope;
  readonly tenantId?: string;
  readonly chainScope: ChainScope;
  readonly exportedAt: string;
  /** Events in the bundle. */
  readonly count: number;
  /** Event and gap lines. */
  readonly records: number;
  readonly firstPosition?: string;
  /** The last position the bundle covers (the log's head when it was exported). */
  readonly lastPosition?: string;
  /** The hash of the last record: on a global chain, the head of the whole log. */
  readonly headHash: string;
  /** Running SHA-256 over every line before the checkpoint (see `BundleDigest`). */
  readonly bundleDigest: string;
  /** First 16 hex digits of the SHA-256 of the signing key's public half (SPKI DER). */
  readonly keyId: string;
}

export interface BundleCheckpointLine {
  readonly kind: 'checkpoint';
  readonly checkpoint: Checkpoint;
  /** Ed25519 over the RFC 8785 canonical JSON of `checkpoint`, base64. */
  readonly signature: string;
}

export type BundleRecord = BundleEvent | BundleGap;

type Canonicalize = (input: unknown) => string | undefined;
const canonicalize: Canonicalize =
  (canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  (canonicalizeModule as unknown as Canonicalize);

/** The exact bytes the signature covers. */
export function checkpointSigningInput(checkpoint: Checkpoint): Buffer {
  const text = canonicalize(checkpoint);
  if (text === undefined) throw new Error('checkpoint cannot be canonicalised');
  return Buffer.from(text, 'utf8');
}

/** d0 = SHA-256(""), d(i) = SHA-256(d(i-1) + "\n" + line(i)): binds every byte and the order of the lines. */
export class BundleDigest {
  private current = createHash('sha256').update('').digest('hex');

  add(line: string): void {
    this.current = createHash('sha256').update(`${this.current}\n${line}`, 'utf8').digest('hex');
  }

  get value(): string {
    return this.current;
  }
}

export function toBundleEvent(event: RecordedEvent, previousHash: string): BundleEvent {
  return {
    kind: 'event',
    position: event.position,
    stream: event.stream,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    previousHash,
    hash: event.hash,
  };
}

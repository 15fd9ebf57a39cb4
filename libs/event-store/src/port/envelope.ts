// The envelope every stored event carries. Plain data: no framework types.

export interface Actor {
  readonly id: string;
  /** A staff role ("clerk", "chair", ...) or "young-person" for a pseudonymous author. */
  readonly role: string;
}

export interface EventMetadata {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly onBehalfOf: Actor | null;
  readonly correlationId: string;
  readonly causationId: string;
  readonly commandId: string;
  /** ISO-8601 instant, from the command's clock (never the store's). */
  readonly recordedAt: string;
  /**
   * With an Idempotency-Key: a keyed hash of the key and the request (method, path, body), so a retry is
   * told from another request reusing the key. Reveals neither without the server's pepper and the key.
   */
  readonly requestHash?: string;
}

/** What a caller hands to `append`. */
export interface NewEvent<Data = unknown> {
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Defaults to 1. */
  readonly schemaVersion?: number;
  /** Defaults to a fresh UUID. */
  readonly id?: string;
}

/** An event as read back from the store. */
export interface RecordedEvent<Data = unknown> {
  readonly id: string;
  readonly stream: string;
  /** 0-based revision within its stream. */
  readonly revision: bigint;
  /** Opaque, totally ordered (compare as strings) global position. */
  readonly position: Position;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** SHA-256 (hex) of the previous hash and this event's stored form. */
  readonly hash: string;
  /**
   * Set by the personal-data layer (ProtectedEventStore) only when some of this event's personal data
   * could not be opened: 'key' when its subject's key does not unwrap under this process's master key,
   * 'value' when a sealed value does not authenticate. Those values read as UNREADABLE; the rest as usual.
   */
  readonly unreadable?: UnreadableReason;
}

export type UnreadableReason = 'key' | 'value';

/**
 * A global position: a fixed-width decimal token, so plain string comparison orders it.
 * Adapters build it with `positionFrom`; callers only store and compare it.
 */
export type Position = string & { readonly __position: unique symbol };

const WIDTH = 20; // 2^64 has 20 decimal digits

export function positionFrom(...parts: readonly bigint[]): Position {
  return parts.map((p) => p.toString().padStart(WIDTH, '0')).join(':') as Position;
}

// One part (SQLite's sequence) or two (PostgreSQL's transaction and sequence, KurrentDB's commit and prepare).
const POSITION_TEXT = /^[0-9]{20}(?::[0-9]{20})?$/;

/** A position sent back by a client (as a write answered it), or undefined when it is not one. */
export function parsePosition(text: string): Position | undefined {
  return POSITION_TEXT.test(text) ? (text as Position) : undefined;
}

export function positionParts(position: Position): bigint[] {
  return position.split(':').map((p) => BigInt(p));
}

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, verifyChain, type StoredContent } from '../../integrity/hash-chain.js';
import { positionFrom, type EventMetadata } from '../../port/envelope.js';
import {
  chainBatch,
  conflictIsCallers,
  exactStreamState,
  findIdempotentAnswer,
  fromPosition,
  isSystemEvent,
  matchesFilter,
  packMetadata,
  previousHash,
  STORE_KEY,
  toPosition,
  toRecordedEvent,
  unpackMetadata,
  type KurrentPosition,
  type RawRecordedEvent,
  type StoreBookkeeping,
} from './kurrentdb-mapping.js';

const envelope: EventMetadata = {
  tenantId: 'tenant-a',
  actor: { id: 'user-1', role: 'clerk' },
  onBehalfOf: { id: 'yp-9', role: 'young-person' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: 'cmd-1',
  recordedAt: '2026-01-05T10:00:00.000Z',
};

const content = (type: string, data: unknown): StoredContent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: envelope,
});

/** What the server would hand back for sent events: JSON on the wire, then revisions and positions. */
function store(
  stream: string,
  sent: ReturnType<typeof chainBatch>,
  firstRevision: bigint,
  firstPosition: bigint,
): RawRecordedEvent[] {
  return sent.map((event, i) => ({
    streamId: stream,
    id: event.id,
    revision: firstRevision + BigInt(i),
    type: event.type,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: JSON.parse(JSON.stringify(event.metadata)),
    position: { commit: firstPosition + BigInt(i) * 100n, prepare: firstPosition + BigInt(i) * 100n },
  }));
}

describe('KurrentDB metadata packing', () => {
  const bookkeeping: StoreBookkeeping = {
    v: 1,
    hash: 'a'.repeat(64),
    schemaVersion: 3,
    idempotency: { key: 'k-1', count: 2, result: { id: 'm-1' } },
  };

  it('keeps the envelope beside the bookkeeping and strips the bookkeeping on read, through JSON', () => {
    const packed = packMetadata(envelope, bookkeeping);
    expect(packed.tenantId).toBe('tenant-a');
    const unpacked = unpackMetadata(JSON.parse(JSON.stringify(packed)));
    expect(unpacked.envelope).toEqual(envelope);
    expect(Object.keys(unpacked.envelope)).not.toContain(STORE_KEY);
    expect(unpacked.bookkeeping).toEqual(bookkeeping);
  });

  it('refuses envelope metadata that uses the reserved key', () => {
    const clash = { ...envelope, [STORE_KEY]: 'mine' } as unknown as EventMetadata;
    expect(() => packMetadata(clash, bookkeeping)).toThrow(/reserved key/);
  });

  it('reads metadata this store did not write as envelope only', () => {
    expect(unpackMetadata({ foo: 1 })).toEqual({ envelope: { foo: 1 }, bookkeeping: undefined });
    expect(unpackMetadata({ foo: 1, [STORE_KEY]: { hash: 42 } }).bookkeeping).toBeUndefined();
    const bytes = new Uint8Array([1, 2]);
    expect(unpackMetadata(bytes)).toEqual({ envelope: bytes });
    expect(unpackMetadata(undefined)).toEqual({ envelope: undefined });
  });
});

describe('KurrentDB positions', () => {
  it('round-trips commit and prepare exactly, beyond 2^53 and up to 2^64 - 1', () => {
    for (const p of [
      { commit: 0n, prepare: 0n },
      { commit: 2n ** 53n + 1n, prepare: 2n ** 53n + 1n },
      { commit: 2n ** 64n - 1n, prepare: 2n ** 63n + 5n },
    ]) {
      expect(fromPosition(toPosition(p))).toEqual(p);
    }
  });

  it('orders the string tokens as KurrentDB orders $all: by commit, then prepare', () => {
    const positions: KurrentPosition[] = [
      { commit: 9n, prepare: 9n },
      { commit: 10n, prepare: 2n },
      { commit: 10n, prepare: 10n },
      { commit: 2n ** 60n, prepare: 1n },
      { commit: 123_456n, prepare: 123_456n },
    ];
    const byTuple = [...positions].sort((a, b) =>
      a.commit !== b.commit
        ? a.commit < b.commit
          ? -1
          : 1
        : a.prepare < b.prepare
          ? -1
          : a.prepare > b.prepare
            ? 1
            : 0,
    );
    const byToken = [...positions].sort((a, b) => (toPosition(a) < toPosition(b) ? -1 : 1));
    expect(byToken).toEqual(byTuple);
  });

  it('rejects a position from another adapter', () => {
    expect(() => fromPosition(positionFrom(42n))).toThrow(/not a KurrentDB position/);
  });
});

describe('KurrentDB expected revisions', () => {
  it('sends the exact revision read, or no_stream for a new stream', () => {
    expect(exactStreamState(undefined)).toBe('no_stream');
    expect(exactStreamState(0n)).toBe(0n);
    expect(exactStreamState(2n ** 60n)).toBe(2n ** 60n);
  });

  it('surfaces conflicts on the caller expectations and retries the ones the adapter made exact', () => {
    expect(conflictIsCallers(3n)).toBe(true);
    expect(conflictIsCallers('no_stream')).toBe(true);
    expect(conflictIsCallers('stream_exists')).toBe(false);
    expect(conflictIsCallers('any')).toBe(false);
  });
});

describe('KurrentDB hash chain per stream', () => {
  it('chains a new stream from genesis and a later batch from its last event, and verifies', async () => {
    const first = chainBatch('s-1', [content('A', { n: 1 }), content('B', { n: 2 })], undefined, undefined, undefined);
    const stored1 = store('s-1', first, 0n, 1000n);
    const second = chainBatch('s-1', [content('C', { n: 3 })], stored1[1], undefined, undefined);
    const stored2 = store('s-1', second, 2n, 2000n);
    const other = store('s-2', chainBatch('s-2', [content('A', {})], undefined, undefined, undefined), 0n, 1500n);
    const log = [stored1[0]!, stored1[1]!, other[0]!, stored2[0]!].map(toRecordedEvent);
    expect(previousHash(undefined, 's-1')).toBe(GENESIS_HASH);
    expect(previousHash(stored1[1], 's-1')).toBe(log[1]!.hash);
    const report = await verifyChain(log, 'stream');
    expect(report).toMatchObject({ ok: true, checked: 4 });
  });

  it('detects a changed payload', async () => {
    const stored = store('s-1', chainBatch('s-1', [content('A', { n: 1 })], undefined, undefined, undefined), 0n, 10n);
    const tampered = { ...stored[0]!, data: { n: 2 } };
    const report = await verifyChain([toRecordedEvent(tampered)], 'stream');
    expect(report.ok).toBe(false);
  });

  it('refuses to extend a stream whose last event carries no hash', () => {
    const foreign: RawRecordedEvent = {
      streamId: 's',
      id: randomUUID(),
      revision: 0n,
      type: 'X',
      data: {},
      metadata: { some: 'thing' },
      position: { commit: 1n, prepare: 1n },
    };
    expect(() => chainBatch('s', [content('A', {})], foreign, undefined, undefined)).toThrow(/did not write/);
  });
});

describe('KurrentDB recorded events', () => {
  it('reads back exactly what was appended, with revision, position, schema version and hash', () => {
    const sent = chainBatch('s-1', [{ ...content('A', { n: 1 }), schemaVersion: 4 }], undefined, 'k', { id: 1 });
    const [raw] = store('s-1', sent, 0n, 2n ** 55n);
    const event = toRecordedEvent(raw!);
    expect(event).toEqual({
      id: sent[0]!.id,
      stream: 's-1',
      revision: 0n,
      position: positionFrom(2n ** 55n, 2n ** 55n),
      type: 'A',
      schemaVersion: 4,
      data: { n: 1 },
      metadata: envelope,
      hash: (sent[0]!.metadata as { [STORE_KEY]: StoreBookkeeping })[STORE_KEY].hash,
    });
  });

  it('maps an event this store did not write with an empty hash, so verification flags it', () => {
    const event = toRecordedEvent({
      streamId: 'x',
      id: randomUUID(),
      revision: 0n,
      type: 'X',
      data: {},
      metadata: { a: 1 },
      position: { commit: 5n, prepare: 5n },
    });
    expect(event.hash).toBe('');
    expect(event.schemaVersion).toBe(1);
  });

  it('refuses an event without a $all position', () => {
    expect(() =>
      toRecordedEvent({ streamId: 'x', id: randomUUID(), revision: 0n, type: 'X', data: {}, metadata: {} }),
    ).toThrow(/position/);
  });

  it('treats streams and types starting with $ as system events and filters by prefix and type', () => {
    expect(isSystemEvent({ streamId: '$stats-1', type: 'A' })).toBe(true);
    expect(isSystemEvent({ streamId: 'board-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: 'board-1', type: 'A' })).toBe(false);
    const e = { streamId: 'board-1', type: 'A' };
    expect(matchesFilter(e)).toBe(true);
    expect(matchesFilter(e, { streamPrefixes: ['voice-', 'board-'] })).toBe(true);
    expect(matchesFilter(e, { streamPrefixes: ['voice-'] })).toBe(false);
    expect(matchesFilter(e, { eventTypes: ['B'] })).toBe(false);
    expect(matchesFilter(e, { streamPrefixes: ['board'], eventTypes: ['A', 'B'] })).toBe(true);
    expect(matchesFilter(e, { streamPrefixes: [], eventTypes: [] })).toBe(true);
  });
});

describe('KurrentDB idempotency records', () => {
  it('writes the key, batch size and result in the first event only', () => {
    const sent = chainBatch('s', [content('A', {}), content('B', {})], undefined, 'k-1', { id: 'm-1' });
    const books = sent.map((e) => unpackMetadata(e.metadata).bookkeeping);
    expect(books[0]!.idempotency).toEqual({ key: 'k-1', count: 2, result: { id: 'm-1' } });
    expect(books[1]!.idempotency).toBeUndefined();
    const noResult = chainBatch('s', [content('A', {})], undefined, 'k-2', undefined);
    expect(unpackMetadata(noResult[0]!.metadata).bookkeeping!.idempotency).toEqual({ key: 'k-2', count: 1 });
  });

  it('answers a seen key with the revision and position of its batch last event and the first result', () => {
    const before = store('s', chainBatch('s', [content('A', {})], undefined, 'old', undefined), 0n, 10n);
    const batch = store(
      's',
      chainBatch('s', [content('B', {}), content('C', {})], before[0], 'k-1', { id: 7 }),
      1n,
      20n,
    );
    const after = store('s', chainBatch('s', [content('D', {})], batch[1], 'later', undefined), 3n, 90n);
    const newestFirst = [...before, ...batch, ...after].reverse();
    expect(findIdempotentAnswer(newestFirst, 'k-1')).toEqual({
      nextRevision: 2n,
      position: toPosition(batch[1]!.position!),
      result: { id: 7 },
    });
    expect(findIdempotentAnswer(newestFirst, 'old')).toEqual({
      nextRevision: 0n,
      position: toPosition(before[0]!.position!),
    });
    expect(findIdempotentAnswer(newestFirst, 'never')).toBeUndefined();
  });

  it('never reports a seen key as unseen when the end of its batch is missing', () => {
    const batch = store(
      's',
      chainBatch('s', [content('B', {}), content('C', {})], undefined, 'k-1', undefined),
      0n,
      20n,
    );
    expect(() => findIdempotentAnswer([batch[0]!], 'k-1')).toThrow(/was not read/);
  });
});

// One behavioural contract for every adapter. Each adapter's *.int-spec.ts calls
// `describeEventStoreConformance` with a factory; KurrentDB's runs when KURRENTDB_URL is set.
import { randomUUID } from 'node:crypto';
import { verifyChain } from '../integrity/hash-chain.js';
import type { EventMetadata, NewEvent, RecordedEvent } from '../port/envelope.js';
import { InvalidAppend, WrongExpectedVersion } from '../port/errors.js';
import { boardReadsOf, type EventStore } from '../port/event-store.port.js';
import { iterateAll } from '../port/read-helpers.js';
import { CatchUpSubscription } from '../subscription/catch-up-subscription.js';

export interface ConformanceHarness {
  readonly store: EventStore;
  /** Start a stream at a revision and the log at a position beyond 2^53 (where the backend allows it). */
  seedHighWatermarks?(stream: string, revision: bigint, position: bigint): Promise<void>;
  dispose(): Promise<void>;
}

export interface ConformanceOptions {
  /** Extra, adapter-specific tests that need the harness. */
  readonly extra?: (harness: () => ConformanceHarness) => void;
  readonly concurrentAppenders?: number;
}

export const testMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  tenantId: 'tenant-a',
  actor: { id: 'user-1', role: 'clerk' },
  onBehalfOf: null,
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: randomUUID(),
  recordedAt: '2026-01-05T10:00:00.000Z',
  ...overrides,
});

export const anEvent = (type = 'ThingHappened', data: unknown = { n: 1 }): NewEvent => ({
  type,
  data,
  metadata: testMetadata(),
});

/**
 * Waits until every committed event can be read. On PostgreSQL an event stays out of readAll while an
 * older transaction is open anywhere on the server (another test file's, with several workers), so a
 * test that reads the log straight after appending first waits here; readers in the product wait the
 * same way (ReceiptLookup) or poll (subscriptions).
 */
export async function untilVisible(store: EventStore, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (await store.hasHiddenAppends?.()) {
    if (Date.now() > deadline) throw new Error(`events stayed hidden for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function describeEventStoreConformance(
  name: string,
  makeHarness: () => Promise<ConformanceHarness>,
  options: ConformanceOptions = {},
): void {
  describe(`event store conformance: ${name}`, () => {
    let harness: ConformanceHarness;
    let store: EventStore;
    // Unique per test, so the suite also runs against a shared server (KurrentDB).
    let ns: string;
    const s = (suffix: string): string => `${ns}-${suffix}`;

    beforeEach(async () => {
      harness = await makeHarness();
      store = harness.store;
      ns = `t${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    });
    afterEach(async () => harness.dispose());

    async function readOwnAll(): Promise<RecordedEvent[]> {
      await untilVisible(store);
      const all: RecordedEvent[] = [];
      for await (const e of iterateAll(store, { filter: { streamPrefixes: [ns] }, pageSize: 200 })) all.push(e);
      return all;
    }

    it('appends to a new stream and reads the envelope back intact', async () => {
      const event: NewEvent = {
        id: randomUUID(),
        type: 'MeetingScheduled',
        schemaVersion: 2,
        data: { title: 'Board', at: '2026-02-01T18:00:00Z', nested: { list: [1, 2, 3] } },
        metadata: testMetadata({ onBehalfOf: { id: 'yp-9', role: 'young-person' } }),
      };
      const result = await store.append(s('a'), [event], { expected: 'no_stream' });
      expect(result.nextRevision).toBe(0n);
      expect(result.duplicate).toBe(false);
      const [read] = await store.readStream(s('a'));
      expect(read).toMatchObject({
        id: event.id,
        stream: s('a'),
        revision: 0n,
        type: 'MeetingScheduled',
        schemaVersion: 2,
        data: event.data,
        metadata: event.metadata,
      });
      expect(read!.position).toBe(result.position);
      expect(read!.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('checks the expected revision and reports expected and actual', async () => {
      await expect(store.append(s('x'), [anEvent()], { expected: 'stream_exists' })).rejects.toMatchObject({
        name: 'WrongExpectedVersion',
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      await store.append(s('x'), [anEvent(), anEvent()], { expected: 'no_stream' });
      const failure = await store.append(s('x'), [anEvent()], { expected: 0n }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(WrongExpectedVersion);
      expect(failure).toMatchObject({ expected: 0n, actual: 1n });
      await expect(store.append(s('x'), [anEvent()], { expected: 'no_stream' })).rejects.toMatchObject({ actual: 1n });
      expect((await store.append(s('x'), [anEvent()], { expected: 1n })).nextRevision).toBe(2n);
      expect((await store.append(s('x'), [anEvent()], { expected: 'stream_exists' })).nextRevision).toBe(3n);
      expect((await store.append(s('x'), [anEvent()], { expected: 'any' })).nextRevision).toBe(4n);
      expect((await store.readStream(s('x'))).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('rejects a malformed append and writes nothing', async () => {
      await expect(store.append(s('empty'), [], { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      await expect(store.append('has spaces', [anEvent()], { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
      expect(await store.readStream(s('empty'))).toEqual([]);
    });

    it('reads a stream forwards, backwards, from a revision and with a maximum count', async () => {
      await store.append(
        s('r'),
        [0, 1, 2, 3, 4].map((n) => anEvent('N', { n })),
        { expected: 'no_stream' },
      );
      const nums = (events: RecordedEvent[]): unknown[] => events.map((e) => (e.data as { n: number }).n);
      expect(nums(await store.readStream(s('r')))).toEqual([0, 1, 2, 3, 4]);
      expect(nums(await store.readStream(s('r'), { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
      expect(nums(await store.readStream(s('r'), { from: 2n }))).toEqual([2, 3, 4]);
      expect(nums(await store.readStream(s('r'), { from: 2n, direction: 'backwards' }))).toEqual([2, 1, 0]);
      expect(nums(await store.readStream(s('r'), { direction: 'backwards', maxCount: 1 }))).toEqual([4]);
      expect(nums(await store.readStream(s('r'), { from: 1n, maxCount: 2 }))).toEqual([1, 2]);
      expect(await store.readStream(s('missing'))).toEqual([]);
    });

    it('reads the whole log in append order, after a checkpoint, filtered by stream prefix and type', async () => {
      await store.append(s('one'), [anEvent('A', { i: 0 })], { expected: 'no_stream' });
      await store.append(s('two'), [anEvent('B', { i: 1 }), anEvent('A', { i: 2 })], { expected: 'no_stream' });
      await store.append(s('one'), [anEvent('C', { i: 3 })], { expected: 0n });
      const all = await readOwnAll();
      expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3]);
      for (let i = 1; i < all.length; i++) expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      const after = await store.readAll({ after: all[1]!.position, filter: { streamPrefixes: [ns] } });
      expect(after.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
      const typed = await store.readAll({ filter: { streamPrefixes: [ns], eventTypes: ['A'] } });
      expect(typed.map((e) => (e.data as { i: number }).i)).toEqual([0, 2]);
      const prefixed = await store.readAll({ filter: { streamPrefixes: [s('two')] } });
      expect(prefixed.map((e) => e.type)).toEqual(['B', 'A']);
      const page = await store.readAll({ filter: { streamPrefixes: [ns] }, maxCount: 3 });
      expect(page).toHaveLength(3);
    });

    it('returns the first result to a retried command and writes nothing new', async () => {
      const key = `cmd-${randomUUID()}`;
      const first = await store.append(s('idem'), [anEvent()], {
        expected: 'no_stream',
        idempotencyKey: key,
        result: { id: 'm-1' },
      });
      const again = await store.append(s('idem'), [anEvent()], {
        expected: 'no_stream',
        idempotencyKey: key,
        result: { id: 'other' },
      });
      expect(again).toEqual({ ...first, duplicate: true });
      expect(again.result).toEqual({ id: 'm-1' });
      expect(await store.readStream(s('idem'))).toHaveLength(1);
      // A conflicting append does not consume the key.
      const key2 = `cmd-${randomUUID()}`;
      await expect(store.append(s('idem'), [anEvent()], { expected: 5n, idempotencyKey: key2 })).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      expect((await store.append(s('idem'), [anEvent()], { expected: 0n, idempotencyKey: key2 })).duplicate).toBe(
        false,
      );
    });

    it(`lets exactly one of ${options.concurrentAppenders ?? 20} racing appenders win each revision: none lost, none duplicated`, async () => {
      const appenders = options.concurrentAppenders ?? 20;
      const perAppender = 5;
      const stream = s('race');
      let conflicts = 0;
      const work = Array.from({ length: appenders }, async (_, who) => {
        for (let k = 0; k < perAppender;) {
          const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
          const expected = last === undefined ? ('no_stream' as const) : last.revision;
          try {
            await store.append(stream, [anEvent('Raced', { who, k })], { expected });
            k += 1;
          } catch (error) {
            if (!(error instanceof WrongExpectedVersion)) throw error;
            conflicts += 1;
          }
        }
      });
      await Promise.all(work);
      const events = await store.readStream(stream);
      expect(events).toHaveLength(appenders * perAppender);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      const keys = new Set(events.map((e) => JSON.stringify(e.data)));
      expect(keys.size).toBe(appenders * perAppender);
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      expect(conflicts).toBeGreaterThan(0);
    }, 60_000);

    it('stores unicode and 1 MB payloads byte for byte', async () => {
      const text = 'Ÿ 🧒🏽 “quotes” \\ back\\slash \n newline \t tab 中文 עברית 𝄞 \u2028 e\u0301';
      const big = 'x'.repeat(1024 * 1024);
      await store.append(s('u'), [anEvent('Unicode', { text }), anEvent('Big', { big })], { expected: 'no_stream' });
      const [u, b] = await store.readStream(s('u'));
      expect((u!.data as { text: string }).text).toBe(text);
      expect((b!.data as { big: string }).big.length).toBe(big.length);
      expect((b!.data as { big: string }).big).toBe(big);
    }, 30_000);

    it('keeps a hash chain that verifies', async () => {
      await store.append(s('c1'), [anEvent(), anEvent()], { expected: 'no_stream' });
      await store.append(s('c2'), [anEvent()], { expected: 'no_stream' });
      await untilVisible(store);
      const report = await verifyChain(iterateAll(store), store.chainScope);
      expect(report.ok).toBe(true);
      expect(report.checked).toBeGreaterThanOrEqual(3);
    });

    it("reads one board's events in log order, the link before a position and the events in a range", async () => {
      const boards = boardReadsOf(store);
      // Global chains with a board index only: KurrentDB (a chain per stream) scans the log instead.
      if (!boards || store.chainScope !== 'global') return;
      const [a, b] = [`${ns}-a`, `${ns}-b`];
      const of = (tenantId: string, i: number): NewEvent => ({
        ...anEvent('T', { i }),
        metadata: testMetadata({ tenantId }),
      });
      await store.append(s('x'), [of(a, 0), of(b, 1), of(b, 2)], { expected: 'no_stream' });
      await store.append(s('y'), [of(a, 3)], { expected: 'no_stream' });
      await store.append(s('x'), [of(b, 4), of(a, 5)], { expected: 2n });
      await untilVisible(store);
      const all = await readOwnAll();
      const i = (events: readonly RecordedEvent[]): number[] => events.map((e) => (e.data as { i: number }).i);
      const mine = await boards.readBoard(a);
      expect(mine).toEqual(all.filter((e) => e.metadata.tenantId === a));
      expect(i(mine)).toEqual([0, 3, 5]);
      expect(i(await boards.readBoard(a, { maxCount: 2 }))).toEqual([0, 3]);
      expect(i(await boards.readBoard(a, { after: mine[1]!.position }))).toEqual([5]);
      expect(i(await boards.readBoard(a, { after: mine[0]!.position, until: all[4]!.position }))).toEqual([3]);
      expect(i(await boards.readBoard(b, { until: all[3]!.position }))).toEqual([1, 2]);
      expect(await boards.readBoard(`${ns}-none`)).toEqual([]);
      // A fresh log: the board's first event is the log's first.
      const link = (e: RecordedEvent) => ({ position: e.position, hash: e.hash });
      expect(await boards.linksBefore(mine.map((e) => e.position))).toEqual([undefined, link(all[2]!), link(all[4]!)]);
      expect(await boards.linksBefore([])).toEqual([]);
      expect(
        await boards.countEvents([
          { upTo: all[5]!.position },
          { after: all[0]!.position, upTo: all[2]!.position },
          { after: all[3]!.position, upTo: all[4]!.position },
        ]),
      ).toEqual([6, 2, 1]);
    });

    it('handles revisions and positions beyond 2^53 exactly', async () => {
      if (!harness.seedHighWatermarks) {
        // KurrentDB cannot be seeded there; nothing to check.
        return;
      }
      const high = 2n ** 53n + 7n;
      await harness.seedHighWatermarks(s('big'), high, 2n ** 60n + 3n);
      const result = await store.append(s('big'), [anEvent(), anEvent()], { expected: high });
      expect(result.nextRevision).toBe(high + 2n);
      const events = await store.readStream(s('big'));
      expect(events.map((e) => e.revision)).toEqual([high + 1n, high + 2n]);
      await expect(store.append(s('big'), [anEvent()], { expected: high + 1n })).rejects.toMatchObject({
        actual: high + 2n,
      });
      const all = await readOwnAll();
      const last = all[all.length - 1]!;
      expect(last.position > events[0]!.position).toBe(true);
      const after = await store.readAll({ after: events[0]!.position, filter: { streamPrefixes: [ns] } });
      expect(after.map((e) => e.revision)).toEqual([high + 2n]);
    });

    describe('catch-up subscription', () => {
      it('delivers history, signals caught up, then delivers live appends in order', async () => {
        await store.append(s('sub'), [anEvent('H', { i: 0 }), anEvent('H', { i: 1 })], { expected: 'no_stream' });
        // "Caught up" is with what can be read: history first, in sight.
        await untilVisible(store);
        const seen: number[] = [];
        let caughtUpAt = -1;
        const sub = new CatchUpSubscription(store, {
          filter: { streamPrefixes: [ns] },
          pollIntervalMs: 50,
          batchSize: 1,
          handle: async (events) => void seen.push(...events.map((e) => (e.data as { i: number }).i)),
          onCaughtUp: () => (caughtUpAt = seen.length),
        }).start();
        await sub.caughtUp;
        expect(caughtUpAt).toBe(2);
        const live = await store.append(s('sub'), [anEvent('H', { i: 2 })], { expected: 1n });
        await sub.waitFor(live.position);
        await sub.stop();
        expect(seen).toEqual([0, 1, 2]);
      });

      it('resumes from a checkpoint and retries a failed batch without skipping', async () => {
        const first = await store.append(s('res'), [anEvent('R', { i: 0 })], { expected: 'no_stream' });
        await store.append(s('res'), [anEvent('R', { i: 1 }), anEvent('R', { i: 2 })], { expected: 0n });
        await untilVisible(store);
        const seen: number[] = [];
        let failures = 0;
        const sub = new CatchUpSubscription(store, {
          after: first.position,
          filter: { streamPrefixes: [ns] },
          pollIntervalMs: 20,
          retryDelayMs: 5,
          batchSize: 1,
          handle: async (events) => {
            if ((events[0]!.data as { i: number }).i === 2 && failures < 2) {
              failures += 1;
              throw new Error('transient');
            }
            seen.push(...events.map((e) => (e.data as { i: number }).i));
          },
        }).start();
        await sub.caughtUp;
        await sub.stop();
        expect(failures).toBe(2);
        expect(seen).toEqual([1, 2]);
      });
    });

    options.extra?.(() => harness);
  });
}

// The conformance suite against an in-process FAKE of KurrentDB's gRPC API (testing/fake-kurrentdb-server.ts),
// because no real KurrentDB can run on our machines, once through each write path the client has:
// BatchAppend, which every real KurrentDB advertises and the client then uses, and the unary Append it
// falls back to otherwise. It drives the real client, its native read bridge and the whole adapter over
// real gRPC; the server rules are the fake's reading of KurrentDB, not the server itself. The
// real-server leg is kurrentdb-event-store.int-spec.ts (KURRENTDB_URL).
import { randomUUID } from 'node:crypto';
import { anEvent, describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
import { verifyChain } from '../../integrity/hash-chain.js';
import { WrongExpectedVersion } from '../../port/errors.js';
import { iterateAll } from '../../port/read-helpers.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { LEDGER_STREAM } from './kurrentdb-ledger.js';
import { connectToNewFake, FakeKurrentDb } from './testing/fake-kurrentdb-server.js';

describe.each([
  { writePath: 'batch' as const, title: 'BatchAppend, as a real KurrentDB makes the client use' },
  { writePath: 'append' as const, title: 'the unary Append fallback' },
])('KurrentDB adapter against an in-process fake server (not a real KurrentDB), $title', ({ writePath }) => {
  let fake: FakeKurrentDb;
  let url: string;

  beforeAll(async () => {
    fake = new FakeKurrentDb({ writePath });
    url = await fake.start();
  });
  afterAll(() => fake.stop());

  const connect = (query = ''): Promise<KurrentDbEventStore> =>
    KurrentDbEventStore.connect({ connectionString: `${url}${query}` });

  describeEventStoreConformance(`kurrentdb (fake server, ${writePath})`, async () => {
    const store = await connect();
    return { store, dispose: () => store.close() };
  });

  it(`writes through ${writePath === 'batch' ? 'BatchAppend' : 'Append'} only`, async () => {
    const before = { ...fake.calls };
    const store = await connect();
    try {
      await store.append(`path-${randomUUID()}`, [anEvent(), anEvent()], { expected: 'no_stream' });
      await store.append(`path-${randomUUID()}`, [anEvent()], { expected: 'no_stream' });
    } finally {
      await store.close();
    }
    expect(fake.calls.serverFeatures).toBeGreaterThan(before.serverFeatures);
    // Two appends and their two ledger entries.
    if (writePath === 'batch') {
      expect(fake.calls.append).toBe(before.append);
      expect(fake.calls.batchAppendRequests - before.batchAppendRequests).toBe(4);
      // One bidirectional call carries every append of a connection.
      expect(fake.calls.batchAppend - before.batchAppend).toBe(1);
    } else {
      expect(fake.calls.batchAppend).toBe(before.batchAppend);
      expect(fake.calls.batchAppendRequests).toBe(before.batchAppendRequests);
      expect(fake.calls.append - before.append).toBe(4);
    }
  });

  // The client either throws a refusal (its default) or, with `throwOnAppendFailure=false`, answers
  // `{ success: false }`; the adapter must treat both as a conflict and never as written.
  describe.each([
    { query: '', how: 'the client throws the refusal' },
    { query: '&throwOnAppendFailure=false', how: 'the client answers success: false' },
  ])('a refused append ($how)', ({ query }) => {
    it('is the caller’s WrongExpectedVersion when the caller named the revision, and nothing is written', async () => {
      const store = await connect(query);
      try {
        const stream = `refused-${randomUUID()}`;
        await store.append(stream, [anEvent()], { expected: 'no_stream' });
        fake.refuseNextAppends(stream);
        const refused = store.append(stream, [anEvent('Second')], { expected: 0n });
        await expect(refused).rejects.toBeInstanceOf(WrongExpectedVersion);
        await expect(refused).rejects.toMatchObject({ stream, expected: 0n, actual: 0n });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['ThingHappened']);
        // And the store goes on: the next append at the right revision is written.
        await store.append(stream, [anEvent('Second')], { expected: 0n });
        const events = await store.readStream(stream);
        expect(events.map((e) => e.type)).toEqual(['ThingHappened', 'Second']);
        expect((await verifyChain(events, 'stream')).ok).toBe(true);
      } finally {
        await store.close();
      }
    });

    it('is retried when the adapter made `any` exact, and written once', async () => {
      const store = await connect(query);
      try {
        const stream = `refused-any-${randomUUID()}`;
        await store.append(stream, [anEvent()], { expected: 'no_stream' });
        fake.refuseNextAppends(stream, 2);
        const result = await store.append(stream, [anEvent('Later')], { expected: 'any' });
        expect(result.nextRevision).toBe(1n);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['ThingHappened', 'Later']);
      } finally {
        await store.close();
      }
    });

    it('gives up after its retries with WrongExpectedVersion, not a false success', async () => {
      const store = await KurrentDbEventStore.connect({ connectionString: `${url}${query}`, maxConflictRetries: 2 });
      try {
        const stream = `refused-always-${randomUUID()}`;
        await store.append(stream, [anEvent()], { expected: 'no_stream' });
        fake.refuseNextAppends(stream, 3);
        await expect(store.append(stream, [anEvent()], { expected: 'any' })).rejects.toBeInstanceOf(
          WrongExpectedVersion,
        );
        expect(await store.readStream(stream)).toHaveLength(1);
      } finally {
        await store.close();
      }
    });
  });

  it('retries a conflict it caused by making `any` exact, keeping the chain intact', async () => {
    const a = await connect();
    const b = await connect();
    try {
      const stream = `race-any-${randomUUID()}`;
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).append(stream, [anEvent('Any', { i })], { expected: 'any' }),
        ),
      );
      const events = await a.readStream(stream);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      expect(new Set(events.map((e) => (e.data as { i: number }).i)).size).toBe(10);
      expect((await verifyChain(events, 'stream')).ok).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers a concurrent retry of the same command once, whichever attempt wins', async () => {
    const store = await connect();
    try {
      const stream = `idem-race-${randomUUID()}`;
      const key = `cmd-${randomUUID()}`;
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          store.append(stream, [anEvent()], { expected: 'no_stream', idempotencyKey: key, result: 1 }),
        ),
      );
      expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);
      expect(new Set(answers.map((answer) => answer.position)).size).toBe(1);
      expect(await store.readStream(stream)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('answers a batch append with the position readAll reports for its last event', async () => {
    const store = await connect();
    try {
      const stream = `batch-${randomUUID()}`;
      const key = `cmd-${randomUUID()}`;
      const options = { expected: 'no_stream' as const, idempotencyKey: key };
      const first = await store.append(stream, [anEvent(), anEvent(), anEvent()], options);
      const read = await store.readAll({ filter: { streamPrefixes: [stream] } });
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(first).toMatchObject({ nextRevision: 2n, position: read[2]!.position });
      expect(await store.append(stream, [anEvent()], options)).toEqual({ ...first, duplicate: true });
    } finally {
      await store.close();
    }
  });

  it('never hands out system events or its ledger from readAll or headPosition', async () => {
    const store = await connect();
    try {
      const events = [];
      for await (const event of iterateAll(store, { pageSize: 7 })) events.push(event);
      expect(events.length).toBeGreaterThan(0);
      expect(events.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      expect(events.some((e) => e.stream === LEDGER_STREAM)).toBe(false);
      expect(await store.headPosition()).toBe(events[events.length - 1]!.position);
    } finally {
      await store.close();
    }
  });
});

// A deleted or truncated stream, on a fake of its own so that what the log holds is known exactly.
describe('KurrentDB: a deleted or truncated stream is reported (in-process fake server)', () => {
  let fake: FakeKurrentDb;
  let store: KurrentDbEventStore;
  let close: () => Promise<void>;

  beforeEach(async () => ({ fake, store, close } = await connectToNewFake()));
  afterEach(() => close());

  async function chainOk(): Promise<boolean> {
    return (await verifyChain(iterateAll(store), store.chainScope)).ok;
  }

  async function seed(): Promise<{ kept: string; victim: string }> {
    const kept = `kept-${randomUUID()}`;
    const victim = `victim-${randomUUID()}`;
    await store.append(kept, [anEvent(), anEvent()], { expected: 'no_stream' });
    await store.append(victim, [anEvent(), anEvent()], { expected: 'no_stream' });
    await store.append(victim, [anEvent()], { expected: 1n });
    await store.append(kept, [anEvent()], { expected: 1n });
    return { kept, victim };
  }

  it('passes an intact log', async () => {
    await seed();
    expect(await chainOk()).toBe(true);
    expect(await store.verifyCompleteness()).toEqual({ ok: true, streams: 2, problems: [], problemCount: 0 });
  });

  it('reports a deleted stream, which the per-stream chain alone passes', async () => {
    const { victim } = await seed();
    fake.deleteStream(victim);
    // Before the ledger: nothing left refers to the deleted stream, so the chain check passes.
    expect(await chainOk()).toBe(true);
    const report = await store.verifyCompleteness();
    expect(report).toMatchObject({ ok: false, streams: 2, problemCount: 1 });
    expect(report.problems[0]).toEqual({ stream: victim, reason: expect.stringMatching(/^deleted: .*0 to 2/) });
  });

  it('reports a stream truncated at its start, before and after a scavenge', async () => {
    const { victim } = await seed();
    fake.truncateStream(victim, 2n);
    const report = await store.verifyCompleteness();
    expect(report).toMatchObject({ ok: false, problemCount: 1 });
    expect(report.problems[0]).toEqual({ stream: victim, reason: expect.stringMatching(/^truncated: .*revision 2/) });
  });

  it('reports a stream cut to nothing ($tb past its end) as deleted', async () => {
    const { victim } = await seed();
    fake.truncateStream(victim, 3n);
    expect(await chainOk()).toBe(true);
    const report = await store.verifyCompleteness();
    expect(report.problems).toEqual([{ stream: victim, reason: expect.stringMatching(/^deleted/) }]);
  });

  it('reports streams the ledger never recorded, e.g. when the ledger itself was deleted', async () => {
    const { kept, victim } = await seed();
    fake.deleteStream(LEDGER_STREAM);
    const report = await store.verifyCompleteness();
    expect(report).toMatchObject({ ok: false, streams: 0, problemCount: 2 });
    expect(report.problems.map((p) => p.stream).sort()).toEqual([kept, victim].sort());
    expect(report.problems[0]!.reason).toMatch(/never recorded/);
  });

  it('reports a ledger written again after a deletion (it no longer starts at revision 0)', async () => {
    const { kept } = await seed();
    fake.deleteStream(LEDGER_STREAM);
    await store.append(kept, [anEvent()], { expected: 2n });
    const report = await store.verifyCompleteness();
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({
      stream: LEDGER_STREAM,
      reason: expect.stringMatching(/starts at revision 4/),
    });
  });

  it('keeps a ledger entry whose write failed and writes it with the next', async () => {
    const stream = `late-${randomUUID()}`;
    fake.refuseNextAppends(LEDGER_STREAM);
    await store.append(stream, [anEvent()], { expected: 'no_stream' });
    await store.append(`other-${randomUUID()}`, [anEvent()], { expected: 'no_stream' });
    expect(await store.verifyCompleteness()).toMatchObject({ ok: true, streams: 2 });
  });
});

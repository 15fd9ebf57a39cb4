// The conformance suite against an in-process FAKE of KurrentDB's gRPC Streams API (Read, Append),
// because no real KurrentDB can run on our machines. It drives the real client, its native read
// bridge and the whole adapter over real gRPC, so it checks how the adapter uses the client; the
// server rules are the fake's reading of KurrentDB's documented behaviour, not the server itself.
// The real-server leg is kurrentdb-event-store.int-spec.ts (KURRENTDB_URL).
import { randomUUID } from 'node:crypto';
import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerReadableStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import sharedPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import { anEvent, describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
import { verifyChain } from '../../integrity/hash-chain.js';
import { iterateAll } from '../../port/read-helpers.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const { AppendResp, ReadReq, ReadResp } = streamsPb;
const { Empty, StreamIdentifier, UUID } = sharedPb;
type AppendReqT = InstanceType<typeof streamsPb.AppendReq>;
type ProposedMessage = InstanceType<typeof streamsPb.AppendReq.ProposedMessage>;

interface FakeEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** One in-memory node: appends are atomic per request, the log is one ordered list. */
class FakeKurrentDb {
  private readonly streams = new Map<string, FakeEvent[]>();
  private readonly log: FakeEvent[] = [];
  private nextPosition = 4096n;
  private appends = 0;
  private readonly server = new Server();

  constructor() {
    this.server.addService(streamsGrpc.StreamsService, {
      read: (call: ServerWritableStream<InstanceType<typeof ReadReq>, unknown>) => this.read(call),
      append: (call: ServerReadableStream<AppendReqT, unknown>, done: sendUnaryData<unknown>) =>
        this.append(call, done),
    });
    // A real log starts with system events; the adapter must never hand them out.
    this.write('$settings', [
      { id: randomUUID(), type: '$settings', contentType: 'application/json', data: '{}', metadata: '' },
    ]);
  }

  async start(): Promise<string> {
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    return `kurrentdb://127.0.0.1:${port}?tls=false`;
  }

  stop(): void {
    this.server.forceShutdown();
  }

  private write(
    stream: string,
    events: ReadonlyArray<{
      id: string;
      type: string;
      contentType: string;
      data: Uint8Array | string;
      metadata: Uint8Array | string;
    }>,
  ): FakeEvent[] {
    const existing = this.streams.get(stream) ?? [];
    this.streams.set(stream, existing);
    return events.map((e) => {
      const stored: FakeEvent = {
        ...e,
        stream,
        revision: BigInt(existing.length),
        position: this.nextPosition,
        data: Buffer.from(e.data),
        metadata: Buffer.from(e.metadata),
      };
      // Positions are byte offsets in a real log: large, uneven gaps.
      this.nextPosition += 128n + BigInt(stored.data.length + stored.metadata.length);
      existing.push(stored);
      this.log.push(stored);
      return stored;
    });
  }

  private read(call: ServerWritableStream<InstanceType<typeof ReadReq>, unknown>): void {
    const options = call.request.getOptions()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    const structured = options.getUuidOption()?.hasStructured() ?? false;
    let selected: FakeEvent[];
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = Buffer.from(streamOptions.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const events = this.streams.get(name);
      if (events === undefined) {
        const notFound = new ReadResp.StreamNotFound();
        notFound.setStreamIdentifier(identifier(name));
        const response = new ReadResp();
        response.setStreamNotFound(notFound);
        call.write(response);
        call.end();
        return;
      }
      const from = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision()) : undefined;
      selected = backwards
        ? events.filter((e) => from === undefined || e.revision <= from).reverse()
        : events.filter((e) => from === undefined || e.revision >= from);
    } else {
      const allOptions = options.getAll()!;
      const from = allOptions.hasPosition() ? BigInt(allOptions.getPosition()!.getCommitPosition()) : undefined;
      // Forwards from a position includes the event there; backwards reads what lies before it.
      selected = backwards
        ? this.log.filter((e) => from === undefined || e.position < from).reverse()
        : this.log.filter((e) => from === undefined || e.position >= from);
    }
    for (const event of selected.slice(0, count)) call.write(toReadResp(event, structured));
    call.end();
  }

  private append(call: ServerReadableStream<AppendReqT, unknown>, done: sendUnaryData<unknown>): void {
    let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
    const proposed: ProposedMessage[] = [];
    call.on('data', (request: AppendReqT) => {
      if (request.hasOptions()) options = request.getOptions();
      else proposed.push(request.getProposedMessage()!);
    });
    call.on('end', () => {
      const stream = Buffer.from(options!.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const current = this.streams.get(stream)?.length;
      const last = current === undefined ? undefined : BigInt(current - 1);
      const ok = options!.hasAny()
        ? true
        : options!.hasNoStream()
          ? last === undefined
          : options!.hasStreamExists()
            ? last !== undefined
            : last === BigInt(options!.getRevision());
      const response = new AppendResp();
      if (!ok) {
        const conflict = new AppendResp.WrongExpectedVersion();
        if (last === undefined) conflict.setCurrentNoStream(new Empty());
        else conflict.setCurrentRevision(last.toString());
        if (options!.hasRevision()) conflict.setExpectedRevision(options!.getRevision());
        else if (options!.hasNoStream()) conflict.setExpectedNoStream(new Empty());
        else conflict.setExpectedStreamExists(new Empty());
        response.setWrongExpectedVersion(conflict);
        done(null, response);
        return;
      }
      const written = this.write(
        stream,
        proposed.map((message) => ({
          id: message.getId()!.getString(),
          type: message.getMetadataMap().get('type')!,
          contentType: message.getMetadataMap().get('content-type')!,
          data: message.getData_asU8(),
          metadata: message.getCustomMetadata_asU8(),
        })),
      );
      // Unrelated system writes interleave with ours in a real log.
      if (++this.appends % 3 === 0) {
        this.write('$stats-fake', [
          { id: randomUUID(), type: '$statsCollected', contentType: 'application/json', data: '{}', metadata: '' },
        ]);
      }
      const success = new AppendResp.Success();
      success.setCurrentRevision(written[written.length - 1]!.revision.toString());
      // One position for the whole batch, deliberately not the last event's $all position: the
      // adapter must not rely on the reply matching what readAll reports.
      const position = new AppendResp.Position();
      position.setCommitPosition(written[written.length - 1]!.position.toString());
      position.setPreparePosition(written[0]!.position.toString());
      success.setPosition(position);
      response.setSuccess(success);
      done(null, response);
    });
  }
}

function identifier(name: string): InstanceType<typeof StreamIdentifier> {
  const id = new StreamIdentifier();
  id.setStreamName(Buffer.from(name, 'utf8'));
  return id;
}

function toReadResp(event: FakeEvent, structured: boolean): InstanceType<typeof ReadResp> {
  const id = new UUID();
  if (structured) {
    const hex = event.id.replaceAll('-', '');
    const bits = new UUID.Structured();
    bits.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
    bits.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
    id.setStructured(bits);
  } else {
    id.setString(event.id);
  }
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(id);
  recorded.setStreamIdentifier(identifier(event.stream));
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType);
  recorded.getMetadataMap().set('created', '0');
  recorded.setCustomMetadata(event.metadata);
  recorded.setData(event.data);
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position.toString());
  const response = new ReadResp();
  response.setEvent(read);
  return response;
}

describe('KurrentDB adapter against an in-process fake server (not a real KurrentDB)', () => {
  let fake: FakeKurrentDb;
  let url: string;

  beforeAll(async () => {
    fake = new FakeKurrentDb();
    url = await fake.start();
  });
  afterAll(() => fake.stop());

  describeEventStoreConformance('kurrentdb (fake server)', async () => {
    const store = await KurrentDbEventStore.connect({ connectionString: url });
    return { store, dispose: () => store.close() };
  });

  it('retries a conflict it caused by making `any` exact, keeping the chain intact', async () => {
    const a = await KurrentDbEventStore.connect({ connectionString: url });
    const b = await KurrentDbEventStore.connect({ connectionString: url });
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
    const store = await KurrentDbEventStore.connect({ connectionString: url });
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
    const store = await KurrentDbEventStore.connect({ connectionString: url });
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

  it('never hands out system events from readAll or headPosition', async () => {
    const store = await KurrentDbEventStore.connect({ connectionString: url });
    try {
      const events = [];
      for await (const event of iterateAll(store, { pageSize: 7 })) events.push(event);
      expect(events.length).toBeGreaterThan(0);
      expect(events.some((e) => e.stream.startsWith('$') || e.type.startsWith('$'))).toBe(false);
      expect(await store.headPosition()).toBe(events[events.length - 1]!.position);
    } finally {
      await store.close();
    }
  });
});

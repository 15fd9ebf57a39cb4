// An in-process FAKE of KurrentDB's gRPC API, for tests only (no real KurrentDB can run on our
// machines): Streams.Read, Streams.Append, Streams.BatchAppend and ServerFeatures.GetSupportedMethods.
// It drives the real client, its native read bridge and the whole adapter over real gRPC, so it checks
// how the adapter uses the client; the server rules are the fake's reading of KurrentDB's documented
// behaviour and of the client's source (node_modules/@kurrent/kurrentdb-client), not the server itself.
//
// Which write path the client takes is the server's choice: the client calls GetSupportedMethods once
// per connection and uses BatchAppend when the server lists it (every KurrentDB does), else Append.
// `writePath` says which of the two this fake advertises; both are always served.
import { randomUUID } from 'node:crypto';
import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import codePb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/code_pb.js';
import featuresGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_grpc_pb.js';
import featuresPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/serverfeatures_pb.js';
import sharedPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import statusPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb.js';
import streamsGrpc from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_grpc_pb.js';
import streamsPb from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import { KurrentDbEventStore } from '../kurrentdb-event-store.js';

const { AppendResp, BatchAppendResp, ReadReq, ReadResp } = streamsPb;
const { Empty, StreamIdentifier, UUID } = sharedPb;
type AppendReqT = InstanceType<typeof streamsPb.AppendReq>;
type BatchAppendReqT = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendRespT = InstanceType<typeof BatchAppendResp>;
type ReadReqT = InstanceType<typeof ReadReq>;
type UuidT = InstanceType<typeof UUID>;

/** How many calls of each kind the fake served (a test proves which write path the client took). */
export interface FakeCallCounts {
  append: number;
  batchAppend: number;
  /** BatchAppend requests (one per append the client made through the bidirectional call). */
  batchAppendRequests: number;
  read: number;
  serverFeatures: number;
}

export interface FakeKurrentDbOptions {
  /**
   * The write path the fake advertises through ServerFeatures: `batch` lists Streams.BatchAppend as a
   * real KurrentDB does, so the client appends through it; `append` leaves it out, so the client falls
   * back to the unary Streams.Append.
   */
  readonly writePath: 'append' | 'batch';
}

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

interface Proposed {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** The expected state an append named, in the shape both write paths share. */
type Expected =
  { kind: 'any' } | { kind: 'no_stream' } | { kind: 'stream_exists' } | { kind: 'revision'; revision: bigint };

type WriteOutcome = { ok: true; written: FakeEvent[] } | { ok: false; current: bigint | undefined; expected: Expected };

/** One in-memory node: appends are atomic per request, the log is one ordered list. */
export class FakeKurrentDb {
  readonly calls: FakeCallCounts = { append: 0, batchAppend: 0, batchAppendRequests: 0, read: 0, serverFeatures: 0 };
  private readonly streams = new Map<string, FakeEvent[]>();
  /** Revisions cut from the start of a stream (KurrentDB's $tb), kept so numbering continues. */
  private readonly truncatedBefore = new Map<string, bigint>();
  private log: FakeEvent[] = [];
  private nextPosition = 4096n;
  private appends = 0;
  private readonly forcedConflicts = new Map<string, number>();
  private readonly server = new Server();

  constructor(private readonly options: FakeKurrentDbOptions) {
    this.server.addService(streamsGrpc.StreamsService, {
      read: (call: ServerWritableStream<ReadReqT, unknown>) => this.read(call),
      append: (call: ServerReadableStream<AppendReqT, unknown>, done: sendUnaryData<unknown>) =>
        this.append(call, done),
      batchAppend: (call: ServerDuplexStream<BatchAppendReqT, BatchAppendRespT>) => this.batchAppend(call),
    });
    this.server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (call: ServerUnaryCall<unknown, unknown>, done: sendUnaryData<unknown>) =>
        this.supportedMethods(done),
    });
    // A real log starts with system events; the adapter must never hand them out.
    this.write('$settings', [
      { id: randomUUID(), type: '$settings', contentType: 'application/json', data: enc('{}'), metadata: enc('') },
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

  /**
   * The next `count` appends to `stream` are refused as a wrong expected version whatever they
   * expected, as a real server refuses an append that lost a race (the reply names the true revision).
   */
  refuseNextAppends(stream: string, count = 1): void {
    this.forcedConflicts.set(stream, (this.forcedConflicts.get(stream) ?? 0) + count);
  }

  /**
   * Removes a stream's events from the stream and from $all, as a soft delete followed by a scavenge
   * leaves them. Reading the stream then answers "not found"; a later append continues its numbering,
   * as after a soft delete.
   */
  deleteStream(stream: string): void {
    const last = this.lastRevision(stream);
    if (last === undefined) throw new Error(`fake: no stream ${stream}`);
    this.truncateStream(stream, last + 1n);
  }

  /** Cuts the events before `before` from a stream and from $all, as $tb followed by a scavenge. */
  truncateStream(stream: string, before: bigint): void {
    const events = this.streams.get(stream);
    if (events === undefined) throw new Error(`fake: no stream ${stream}`);
    this.streams.set(
      stream,
      events.filter((event) => event.revision >= before),
    );
    this.truncatedBefore.set(stream, before);
    this.log = this.log.filter((event) => event.stream !== stream || event.revision >= before);
  }

  private supportedMethods(done: sendUnaryData<unknown>): void {
    this.calls.serverFeatures += 1;
    const supported = new featuresPb.SupportedMethods();
    supported.setEventStoreServerVersion('25.0.0');
    // As a real server lists them: lower case, service names as in the .proto packages.
    const methods: Array<[string, string]> = [
      ['event_store.client.streams.streams', 'read'],
      ['event_store.client.streams.streams', 'append'],
      ['event_store.client.server_features.serverfeatures', 'getsupportedmethods'],
    ];
    if (this.options.writePath === 'batch') methods.push(['event_store.client.streams.streams', 'batchappend']);
    supported.setMethodsList(
      methods.map(([service, method]) => {
        const entry = new featuresPb.SupportedMethod();
        entry.setServiceName(service);
        entry.setMethodName(method);
        return entry;
      }),
    );
    done(null, supported);
  }

  private write(stream: string, events: readonly Proposed[]): FakeEvent[] {
    const existing = this.streams.get(stream) ?? [];
    this.streams.set(stream, existing);
    const base =
      existing.length > 0 ? existing[existing.length - 1]!.revision + 1n : (this.truncatedBefore.get(stream) ?? 0n);
    return events.map((e, index) => {
      const stored: FakeEvent = { ...e, stream, revision: base + BigInt(index), position: this.nextPosition };
      // Positions are byte offsets in a real log: large, uneven gaps.
      this.nextPosition += 128n + BigInt(stored.data.length + stored.metadata.length);
      existing.push(stored);
      this.log.push(stored);
      return stored;
    });
  }

  /** The stream's last revision, or undefined for a stream with no events. */
  private lastRevision(stream: string): bigint | undefined {
    const events = this.streams.get(stream);
    return events?.length ? events[events.length - 1]!.revision : undefined;
  }

  /** Checks the expected state and writes atomically; shared by both write paths. */
  private tryWrite(stream: string, expected: Expected, proposed: readonly Proposed[]): WriteOutcome {
    const last = this.lastRevision(stream);
    const forced = this.forcedConflicts.get(stream) ?? 0;
    if (forced > 0) this.forcedConflicts.set(stream, forced - 1);
    const ok =
      forced === 0 &&
      (expected.kind === 'any'
        ? true
        : expected.kind === 'no_stream'
          ? last === undefined
          : expected.kind === 'stream_exists'
            ? last !== undefined
            : last === expected.revision);
    if (!ok) return { ok: false, current: last, expected };
    const written = this.write(stream, proposed);
    // Unrelated system writes interleave with ours in a real log.
    if (++this.appends % 3 === 0) {
      this.write('$stats-fake', [
        {
          id: randomUUID(),
          type: '$statsCollected',
          contentType: 'application/json',
          data: enc('{}'),
          metadata: enc(''),
        },
      ]);
    }
    return { ok: true, written };
  }

  private read(call: ServerWritableStream<ReadReqT, unknown>): void {
    this.calls.read += 1;
    const options = call.request.getOptions()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    const structured = options.getUuidOption()?.hasStructured() ?? false;
    let selected: FakeEvent[];
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const name = nameOf(streamOptions.getStreamIdentifier()!);
      const events = this.streams.get(name);
      if (events === undefined || events.length === 0) {
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

  /** Streams.Append: client-streaming, options first, then one message per event; one reply. */
  private append(call: ServerReadableStream<AppendReqT, unknown>, done: sendUnaryData<unknown>): void {
    this.calls.append += 1;
    let options: InstanceType<typeof streamsPb.AppendReq.Options> | undefined;
    const proposed: Proposed[] = [];
    call.on('data', (request: AppendReqT) => {
      if (request.hasOptions()) options = request.getOptions();
      else proposed.push(fromProposed(request.getProposedMessage()!));
    });
    call.on('end', () => {
      const stream = nameOf(options!.getStreamIdentifier()!);
      const expected: Expected = options!.hasAny()
        ? { kind: 'any' }
        : options!.hasNoStream()
          ? { kind: 'no_stream' }
          : options!.hasStreamExists()
            ? { kind: 'stream_exists' }
            : { kind: 'revision', revision: BigInt(options!.getRevision()) };
      const outcome = this.tryWrite(stream, expected, proposed);
      const response = new AppendResp();
      if (!outcome.ok) {
        const conflict = new AppendResp.WrongExpectedVersion();
        if (outcome.current === undefined) conflict.setCurrentNoStream(new Empty());
        else conflict.setCurrentRevision(outcome.current.toString());
        if (expected.kind === 'revision') conflict.setExpectedRevision(expected.revision.toString());
        else if (expected.kind === 'no_stream') conflict.setExpectedNoStream(new Empty());
        else if (expected.kind === 'stream_exists') conflict.setExpectedStreamExists(new Empty());
        else conflict.setExpectedAny(new Empty());
        response.setWrongExpectedVersion(conflict);
        done(null, response);
        return;
      }
      const { written } = outcome;
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

  /**
   * Streams.BatchAppend: one long-lived bidirectional call per client. Each append is a correlation id
   * whose requests carry the options on the first and `is_final` on the last; the reply names the
   * correlation id and the stream, and reports a refusal as a google.rpc.Status whose details pack the
   * shared WrongExpectedVersion, as KurrentDB does.
   */
  private batchAppend(call: ServerDuplexStream<BatchAppendReqT, BatchAppendRespT>): void {
    this.calls.batchAppend += 1;
    const pending = new Map<
      string,
      { options?: InstanceType<typeof streamsPb.BatchAppendReq.Options>; proposed: Proposed[] }
    >();
    call.on('data', (request: BatchAppendReqT) => {
      this.calls.batchAppendRequests += 1;
      const correlation = request.getCorrelationId()!;
      const key = uuidText(correlation);
      const entry = pending.get(key) ?? { proposed: [] };
      pending.set(key, entry);
      if (request.hasOptions()) entry.options = request.getOptions();
      for (const message of request.getProposedMessagesList()) entry.proposed.push(fromProposed(message));
      if (!request.getIsFinal()) return;
      pending.delete(key);
      call.write(this.batchReply(correlation, entry.options!, entry.proposed));
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  }

  private batchReply(
    correlation: UuidT,
    options: InstanceType<typeof streamsPb.BatchAppendReq.Options>,
    proposed: readonly Proposed[],
  ): BatchAppendRespT {
    const stream = nameOf(options.getStreamIdentifier()!);
    const expected: Expected = options.hasAny()
      ? { kind: 'any' }
      : options.hasNoStream()
        ? { kind: 'no_stream' }
        : options.hasStreamExists()
          ? { kind: 'stream_exists' }
          : { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    const response = new BatchAppendResp();
    response.setCorrelationId(correlation);
    response.setStreamIdentifier(identifier(stream));
    if (expected.kind === 'revision') response.setStreamPosition(expected.revision.toString());
    else if (expected.kind === 'no_stream') response.setNoStream(new Empty());
    else if (expected.kind === 'stream_exists') response.setStreamExists(new Empty());
    else response.setAny(new Empty());
    const outcome = this.tryWrite(stream, expected, proposed);
    if (!outcome.ok) {
      const details = new sharedPb.WrongExpectedVersion();
      if (outcome.current === undefined) details.setCurrentNoStream(new Empty());
      else details.setCurrentStreamRevision(outcome.current.toString());
      if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
      else if (expected.kind === 'no_stream') details.setExpectedNoStream(new Empty());
      else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new Empty());
      else details.setExpectedAny(new Empty());
      const packed = new anyPb.Any();
      packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
      const status = new statusPb.Status();
      status.setCode(codePb.Code.FAILED_PRECONDITION);
      status.setMessage('WrongExpectedVersion');
      status.setDetails(packed);
      response.setError(status);
      return response;
    }
    const { written } = outcome;
    const success = new BatchAppendResp.Success();
    success.setCurrentRevision(written[written.length - 1]!.revision.toString());
    // As on the Append path: one position for the batch, not the last event's $all position.
    const position = new sharedPb.AllStreamPosition();
    position.setCommitPosition(written[written.length - 1]!.position.toString());
    position.setPreparePosition(written[0]!.position.toString());
    success.setPosition(position);
    response.setSuccess(success);
    return response;
  }
}

function enc(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

function nameOf(id: InstanceType<typeof StreamIdentifier>): string {
  return Buffer.from(id.getStreamName_asU8()).toString('utf8');
}

function identifier(name: string): InstanceType<typeof StreamIdentifier> {
  const id = new StreamIdentifier();
  id.setStreamName(Buffer.from(name, 'utf8'));
  return id;
}

function uuidText(id: UuidT): string {
  if (id.hasString()) return id.getString();
  const bits = id.getStructured()!;
  const hi = BigInt.asUintN(64, BigInt(bits.getMostSignificantBits())).toString(16).padStart(16, '0');
  const lo = BigInt.asUintN(64, BigInt(bits.getLeastSignificantBits())).toString(16).padStart(16, '0');
  return `${hi}${lo}`;
}

function fromProposed(message: {
  getId(): UuidT | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}): Proposed {
  return {
    id: uuidText(message.getId()!),
    type: message.getMetadataMap().get('type')!,
    contentType: message.getMetadataMap().get('content-type')!,
    data: Buffer.from(message.getData_asU8()),
    metadata: Buffer.from(message.getCustomMetadata_asU8()),
  };
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

/**
 * For a test's beforeEach: a fake of its own (so what the log holds is known exactly) with BatchAppend,
 * as a real server, and the adapter connected to it; `close` ends both.
 */
export async function connectToNewFake(
  options: FakeKurrentDbOptions = { writePath: 'batch' },
): Promise<{ fake: FakeKurrentDb; store: KurrentDbEventStore; close(): Promise<void> }> {
  const fake = new FakeKurrentDb(options);
  const store = await KurrentDbEventStore.connect({ connectionString: await fake.start() });
  return {
    fake,
    store,
    close: async () => {
      await store.close();
      fake.stop();
    },
  };
}

import { createServer } from 'node:net';
import {
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailable, InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';
import {
  actualRevisionOf,
  isStreamNotFound,
  isUnavailable,
  isWrongExpectedVersion,
  translateError,
} from './kurrentdb-errors.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

describe('KurrentDB client errors', () => {
  it('reads the actual revision from the client conflict error', () => {
    const conflict = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 3n, current: 5n });
    expect(isWrongExpectedVersion(conflict)).toBe(true);
    expect(actualRevisionOf(conflict)).toBe(5n);
    const missing = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 'no_stream' });
    expect(actualRevisionOf(missing)).toBe('no_stream');
    expect(isWrongExpectedVersion(new Error('x'))).toBe(false);
  });

  it('recognises a missing stream from the client and from its native read bridge', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
    expect(isStreamNotFound(Object.assign(new Error('gone'), { name: 'StreamNotFoundError' }))).toBe(true);
    expect(isStreamNotFound(new Error('gone'))).toBe(false);
  });

  it('maps connection failures to EventStoreUnavailable and keeps the cause', () => {
    const fromClient = new UnavailableError();
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
    const socket = Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    for (const error of [fromClient, grpc, socket]) {
      expect(isUnavailable(error)).toBe(true);
      const mapped = translateError(error);
      expect(mapped).toBeInstanceOf(EventStoreUnavailable);
      expect((mapped as Error).cause).toBe(error);
    }
  });

  it('maps an oversized append to InvalidAppend and passes anything else through', () => {
    expect(translateError(MaxAppendSizeExceededError.fromMaxAppendSize(1024))).toBeInstanceOf(InvalidAppend);
    const port = new WrongExpectedVersion('s', 1n, 2n);
    expect(translateError(port)).toBe(port);
    const other = new TypeError('bug');
    expect(translateError(other)).toBe(other);
  });
});

describe('KurrentDB adapter without a server', () => {
  it('rejects connect with EventStoreUnavailable when nothing listens', async () => {
    // A loopback port that was free a moment ago: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expect(
      KurrentDbEventStore.connect({ connectionString: `kurrentdb://127.0.0.1:${port}?tls=false&defaultDeadline=3000` }),
    ).rejects.toBeInstanceOf(EventStoreUnavailable);
  }, 15_000);
});

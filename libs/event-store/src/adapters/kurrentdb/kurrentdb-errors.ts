// Maps the KurrentDB client's errors to the port's. The client reports failures either as its own
// CommandError classes (with a string `type`), as raw gRPC errors (numeric `code`), or, from its
// native read bridge, as plain errors with a `name`: match on those fields, not on classes.
import { EventStoreUnavailable, InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';

const UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);
const UNAVAILABLE_NAMES = new Set(['UnavailableError', 'DeadlineExceededError', 'NotLeaderError']);
// gRPC status codes: CANCELLED 1, DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, ABORTED 10, INTERNAL 13, UNAVAILABLE 14.
const UNAVAILABLE_GRPC_CODES = new Set([1, 4, 8, 10, 13, 14]);
const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|ETIMEDOUT|EPIPE|EAI_AGAIN)$/;
const TOO_BIG_TYPES = new Set([
  'maximum-append-size-exceeded',
  'append-record-size-exceeded',
  'transaction-max-size-exceeded',
]);

interface ClientErrorShape {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly actualState?: unknown;
}

function shape(error: unknown): ClientErrorShape {
  return error !== null && typeof error === 'object' ? (error as ClientErrorShape) : {};
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return shape(error).type === 'wrong-expected-version';
}

export function isStreamNotFound(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'stream-not-found' || name === 'StreamNotFoundError';
}

/** A stream deleted for good (tombstoned): reads and writes are refused. */
export function isStreamDeleted(error: unknown): boolean {
  const { type, name } = shape(error);
  return type === 'stream-deleted' || name === 'StreamDeletedError';
}

/** The stream's actual revision as the server reported it on a conflict. */
export function actualRevisionOf(error: unknown): bigint | 'no_stream' | undefined {
  const actual = shape(error).actualState;
  if (typeof actual === 'bigint') return actual;
  if (actual === 'no_stream') return 'no_stream';
  return undefined;
}

export function isUnavailable(error: unknown): boolean {
  const { type, name, code } = shape(error);
  if (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) return true;
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  if (typeof code === 'number' && UNAVAILABLE_GRPC_CODES.has(code)) return true;
  return typeof code === 'string' && NETWORK_CODES.test(code);
}

/**
 * The port's error for a client failure; anything unrecognised passes through unchanged.
 * Messages name the failure, never event content (it may hold a young person's words).
 */
export function translateError(error: unknown): unknown {
  if (
    error instanceof WrongExpectedVersion ||
    error instanceof InvalidAppend ||
    error instanceof EventStoreUnavailable
  ) {
    return error;
  }
  if (isUnavailable(error)) {
    const { type, name, code } = shape(error);
    const label = [type, name, code].filter((part) => part !== undefined).join('/');
    return new EventStoreUnavailable(`KurrentDB unavailable (${label})`, { cause: error });
  }
  const { type } = shape(error);
  if (typeof type === 'string' && TOO_BIG_TYPES.has(type)) {
    return new InvalidAppend(`KurrentDB refused the append as too large (${type})`, { cause: error });
  }
  return error;
}

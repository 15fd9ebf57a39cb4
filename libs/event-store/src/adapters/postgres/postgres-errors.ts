import { EventStoreUnavailable, InvalidAppend, WrongExpectedVersion } from '../../port/errors.js';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
]);

// SQLSTATE classes and codes that mean "the server is not there (or not well) right now".
function unavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('53') || // insufficient resources: disk full, out of memory, too many connections
    code === '57P01' || // admin shutdown
    code === '57P02' || // crash shutdown
    code === '57P03' || // cannot connect now (starting up, recovering)
    code === '58030' // I/O error
  );
}

/**
 * node-postgres reports a lost connection or a pool time-out without a code (a query on a client whose
 * connection has just failed: "Client has encountered a connection error and is not queryable").
 * isTransientDbError reads the same list for errors TypeORM passes on.
 */
export const PG_UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client was closed/i;

/** Maps driver errors to the port's errors; anything else is passed through unchanged. */
export function translatePgError(error: unknown): unknown {
  if (
    error instanceof WrongExpectedVersion ||
    error instanceof InvalidAppend ||
    error instanceof EventStoreUnavailable
  ) {
    return error;
  }
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || unavailableSqlState(code))) {
    return new EventStoreUnavailable(`PostgreSQL: ${code} ${text}`.trim(), { cause: error });
  }
  if (PG_UNAVAILABLE_MESSAGES.test(text)) return new EventStoreUnavailable(`PostgreSQL: ${text}`, { cause: error });
  // AggregateError from a host with several addresses (IPv4 and IPv6) all refusing.
  if (
    error instanceof AggregateError &&
    error.errors.some((e) => translatePgError(e) instanceof EventStoreUnavailable)
  ) {
    return new EventStoreUnavailable(`PostgreSQL: ${text || 'cannot connect'}`, { cause: error });
  }
  return error;
}

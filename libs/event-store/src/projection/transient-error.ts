import { PG_UNAVAILABLE_MESSAGES } from '../adapters/postgres/postgres-errors.js';

// Errors that say "the database is busy or away", not "this event cannot be applied": retried as a
// whole batch with back-off, never counted towards parking an event.
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;
// PostgreSQL SQLSTATE classes: 08 connection, 40 transaction rollback (serialization, deadlock),
// 53 insufficient resources, 57 operator intervention (shutdown), 58 system error.
const PG_TRANSIENT = /^(08|40|53|57|58)/;
const NODE_TRANSIENT = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;

export function isTransientDbError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = String((error as { code?: unknown }).code ?? '');
  if (SQLITE_TRANSIENT.test(code) || NODE_TRANSIENT.test(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code) && PG_TRANSIENT.test(code)) return true;
  const message = String((error as { message?: unknown }).message ?? '');
  // node-postgres's own list (the event store's too), then what SQLite and TypeORM say.
  return (
    PG_UNAVAILABLE_MESSAGES.test(message) ||
    /connection is closed|database is locked|Driver not Connected/i.test(message)
  );
}

/**
 * The disk is full: SQLite's SQLITE_FULL, the OS's ENOSPC, PostgreSQL's disk_full (53100); also as the
 * cause of the error a store reports it with (EventStoreUnavailable).
 */
export function isStorageFull(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = String((current as { code?: unknown }).code ?? '');
    if (/^SQLITE_FULL/.test(code) || code === 'ENOSPC' || code === '53100') return true;
    const message = String((current as { message?: unknown }).message ?? '');
    if (/database or disk is full|No space left on device/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** What may be stored about a failure: its name and message, never the event it was applying. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}

export function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name} (${code})` : error.name;
  }
  return typeof error;
}

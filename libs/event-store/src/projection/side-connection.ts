import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { dialectOf } from './projection-schema.js';

/**
 * A connection of its own to the read database's SQLite file that never waits for a lock, for small
 * bookkeeping writes (checkpoints, the audit's verified head) beside the projection runner. The runner
 * holds the file's write lock across awaits; a connection waiting for it inside better-sqlite3 blocks the
 * event loop, so the runner could never let go (a 5 s stall, then SQLITE_BUSY). A write that finds the
 * file busy answers SQLITE_BUSY at once, and the caller writes again later. Undefined on PostgreSQL or an
 * in-memory database, where the DataSource's own pool is used.
 */
export class SqliteSideConnection {
  private own: Database.Database | undefined;

  constructor(private readonly db: DataSource) {}

  /** The connection, opened on first use. */
  get(): Database.Database | undefined {
    if (this.own) return this.own;
    const file = this.db.options.database;
    if (dialectOf(this.db) !== 'sqlite' || typeof file !== 'string' || file === '' || file.includes(':memory:')) {
      return undefined;
    }
    this.own = new Database(file, { timeout: 0 });
    // Its writes are bookkeeping a restart can redo (a process manager's checkpoint repeats only idempotent
    // commands; a verified head is verified again): in WAL mode NORMAL keeps the file consistent across a
    // power cut and spares an fsync at every save, which came at every append for each process manager.
    this.own.pragma('synchronous = NORMAL');
    return this.own;
  }

  close(): Promise<void> {
    this.own?.close();
    this.own = undefined;
    return Promise.resolve();
  }
}

/** True for SQLite's "database is locked" answers: the write is simply made again later. */
export function isSqliteBusy(error: unknown): boolean {
  return (error as { code?: string }).code?.startsWith('SQLITE_BUSY') === true;
}

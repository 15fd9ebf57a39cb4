import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { Position } from '../port/envelope.js';
import type { ProjectionTable } from '../projection/projection.js';
import { dialectOf, toTypeormTable } from '../projection/projection-schema.js';
import { isSqliteBusy, SqliteSideConnection } from '../projection/side-connection.js';

/** Where a process manager's subscription keeps how far it has read the log, across restarts. */
export interface SubscriptionCheckpoints {
  load(name: string): Promise<Position | undefined>;
  /**
   * Moves the checkpoint forward; never back (two processes may save the same name). False when the
   * database was busy and nothing was saved: the caller saves again with its next position.
   */
  save(name: string, position: Position, now: Date): Promise<boolean>;
  close?(): Promise<void>;
}

const TABLE: ProjectionTable = {
  name: 'subscription_checkpoints',
  columns: { name: 'text', position: 'text', updated_at: 'text' },
  primaryKey: ['name'],
};

const SQLITE_UPSERT = `INSERT INTO ${TABLE.name} (name, position, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
  WHERE ${TABLE.name}.position < excluded.position`;

/**
 * Checkpoints in the read database, beside the projections' own (`projection_checkpoints`). A process
 * manager's effects are commands, idempotent by id, so a checkpoint a little behind (a crash, or a busy
 * database, before the save) only repeats commands that decide nothing; it never skips one.
 *
 * On a SQLite file it writes through a connection of its own that never waits for a lock: the projection
 * runner holds the file's write lock across awaits, and a connection waiting for it inside better-sqlite3
 * blocks the event loop, so the runner could never let go (a 5 s stall, then SQLITE_BUSY). A save that
 * finds the file busy is simply made again with the next position.
 */
export class SqlSubscriptionCheckpoints implements SubscriptionCheckpoints {
  private ready: Promise<void> | undefined;
  private readonly side: SqliteSideConnection;

  constructor(private readonly db: DataSource) {
    this.side = new SqliteSideConnection(db);
  }

  async load(name: string): Promise<Position | undefined> {
    const own = this.sqlite();
    if (own) {
      if (!tableExists(own)) return undefined;
      const row = own.prepare(`SELECT position FROM ${TABLE.name} WHERE name = ?`).get(name) as
        { position?: unknown } | undefined;
      return typeof row?.position === 'string' ? (row.position as Position) : undefined;
    }
    await this.ensureTable();
    const row: { position?: unknown } | undefined = await this.db
      .createQueryBuilder()
      .select('position')
      .from(TABLE.name, 'c')
      .where('name = :name', { name })
      .getRawOne();
    return typeof row?.position === 'string' ? (row.position as Position) : undefined;
  }

  async save(name: string, position: Position, now: Date): Promise<boolean> {
    const own = this.sqlite();
    if (own) {
      try {
        if (!tableExists(own)) {
          own.exec(
            `CREATE TABLE IF NOT EXISTS ${TABLE.name} (name text PRIMARY KEY NOT NULL, position text NOT NULL, updated_at text NOT NULL)`,
          );
        }
        own.prepare(SQLITE_UPSERT).run(name, position, now.toISOString());
        return true;
      } catch (error) {
        if (isSqliteBusy(error)) return false;
        throw error;
      }
    }
    await this.ensureTable();
    const postgres = dialectOf(this.db) === 'postgres';
    const values = postgres ? '($1, $2, $3)' : '(?, ?, ?)';
    // Byte order, whatever the database's collation.
    const binary = postgres ? ' COLLATE "C"' : '';
    // Forward only: positions are fixed-width tokens that compare as strings.
    await this.db.query(
      `INSERT INTO ${TABLE.name} (name, position, updated_at) VALUES ${values}
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
       WHERE ${TABLE.name}.position${binary} < excluded.position${binary}`,
      [name, position, now.toISOString()],
    );
    return true;
  }

  close(): Promise<void> {
    return this.side.close();
  }

  /** The connection of its own on a SQLite file; undefined on PostgreSQL or an in-memory database. */
  private sqlite(): Database.Database | undefined {
    return this.side.get();
  }

  private ensureTable(): Promise<void> {
    this.ready ??= this.create().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async create(): Promise<void> {
    const runner = this.db.createQueryRunner();
    try {
      if (await runner.hasTable(TABLE.name)) return;
      try {
        await runner.createTable(toTypeormTable(dialectOf(this.db), TABLE, TABLE.name), true);
      } catch (error) {
        // Another process may have created it between our check and our CREATE.
        if (!(await runner.hasTable(TABLE.name))) throw error;
      }
    } finally {
      await runner.release();
    }
  }
}

function tableExists(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE.name) !== undefined;
}

/** In memory: for tests and tools that start from the beginning every time. */
export class InMemorySubscriptionCheckpoints implements SubscriptionCheckpoints {
  private readonly positions = new Map<string, Position>();

  load(name: string): Promise<Position | undefined> {
    return Promise.resolve(this.positions.get(name));
  }

  save(name: string, position: Position): Promise<boolean> {
    const current = this.positions.get(name);
    if (current === undefined || position > current) this.positions.set(name, position);
    return Promise.resolve(true);
  }
}

/** Checkpoints in the read database when there is one; in memory otherwise (a process manager built by a test). */
export function subscriptionCheckpoints(db: DataSource | undefined): SubscriptionCheckpoints {
  return db ? new SqlSubscriptionCheckpoints(db) : new InMemorySubscriptionCheckpoints();
}

import type { DataSource } from 'typeorm';
import type { Position } from '../port/envelope.js';
import type { ProjectionTable } from '../projection/projection.js';
import { dialectOf, toTypeormTable } from '../projection/projection-schema.js';

/** Where a process manager's subscription keeps how far it has read the log, across restarts. */
export interface SubscriptionCheckpoints {
  load(name: string): Promise<Position | undefined>;
  /** Moves the checkpoint forward; never back (two processes may save the same name). */
  save(name: string, position: Position, now: Date): Promise<void>;
}

const TABLE: ProjectionTable = {
  name: 'subscription_checkpoints',
  columns: { name: 'text', position: 'text', updated_at: 'text' },
  primaryKey: ['name'],
};

/**
 * Checkpoints in the read database, beside the projections' own (`projection_checkpoints`). A process
 * manager's effects are commands, idempotent by id, so a checkpoint a little behind (a crash before the
 * save) only repeats commands that decide nothing; it never skips one.
 */
export class SqlSubscriptionCheckpoints implements SubscriptionCheckpoints {
  private ready: Promise<void> | undefined;

  constructor(private readonly db: DataSource) {}

  async load(name: string): Promise<Position | undefined> {
    await this.ensureTable();
    const row: { position?: unknown } | undefined = await this.db
      .createQueryBuilder()
      .select('position')
      .from(TABLE.name, 'c')
      .where('name = :name', { name })
      .getRawOne();
    return typeof row?.position === 'string' ? (row.position as Position) : undefined;
  }

  async save(name: string, position: Position, now: Date): Promise<void> {
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

/** In memory: for tests and tools that start from the beginning every time. */
export class InMemorySubscriptionCheckpoints implements SubscriptionCheckpoints {
  private readonly positions = new Map<string, Position>();

  load(name: string): Promise<Position | undefined> {
    return Promise.resolve(this.positions.get(name));
  }

  save(name: string, position: Position): Promise<void> {
    const current = this.positions.get(name);
    if (current === undefined || position > current) this.positions.set(name, position);
    return Promise.resolve();
  }
}

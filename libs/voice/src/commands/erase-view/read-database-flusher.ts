import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectionRunner, type Position } from '#event-store';

/**
 * After an erasure, on a SQLite read database: once this process's projections have scrubbed the view,
 * checkpoints the WAL into the file and truncates it. Without this the pre-erasure page images (with the
 * words) stay in `read.db-wal`, and in `read.db` until the next checkpoint, for as long as the process
 * runs; `secure_delete` then wipes the freed bytes as the scrubbed pages are written back.
 * Best effort: the words are already gone from every query; a busy checkpoint is finished by the next
 * erasure, an automatic checkpoint or the close.
 */
@Injectable()
export class ReadDatabaseFlusher {
  private readonly logger = new Logger(ReadDatabaseFlusher.name);

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly db: DataSource,
  ) {}

  async afterErasure(position: Position): Promise<void> {
    if (this.db.options.type !== 'better-sqlite3') return;
    try {
      // Only the projections this process runs (another process's runner flushes its own writes).
      const names = (await this.runner.status()).filter((s) => s.active).map((s) => s.name);
      await this.runner.waitFor(position, { names, timeoutMs: 30_000 });
      const [result] = (await this.db.query('PRAGMA wal_checkpoint(TRUNCATE)')) as Array<{ busy: number }>;
      if (result?.busy) this.logger.warn('read database busy: its WAL is truncated at the next checkpoint');
    } catch (error) {
      this.logger.warn(`flushing the read database after an erasure failed: ${(error as Error).name}`);
    }
  }
}

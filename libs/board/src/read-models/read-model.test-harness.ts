// Integration-test harness for the board's read models: a real SQLite event store filled through the
// write path, and the projections run by the real ProjectionRunner into SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { BoardStreams, ProjectionRunner, SqliteEventStore, type Projection } from '#event-store';
import { FixedClock } from '#platform';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { driveBoardHistory, type BoardHistory } from './board-history.test-scenario.js';

export type ReadDatabaseKind = 'SQLite' | 'PostgreSQL';
export const READ_DATABASES: readonly ReadDatabaseKind[] = ['SQLite', 'PostgreSQL'];

export interface ProjectedBoards {
  readonly db: DataSource;
  /** The board whose read models are asserted. */
  readonly north: BoardHistory;
  /** Another tenant with the same history, which must never show through. */
  readonly south: BoardHistory;
  readonly store: SqliteEventStore;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

/** Drives two tenants' board histories, then projects them with `projections` and waits for catch-up. */
export async function projectBoardHistories(
  kind: ReadDatabaseKind,
  projections: readonly Projection[],
): Promise<ProjectedBoards> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-board-read-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const streams = new BoardStreams(store);
  const north = await driveBoardHistory(streams, 'tenant-north', 'north');
  const south = await driveBoardHistory(streams, 'tenant-south', 'south');

  const pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_board_read') : undefined;
  const db = await new DataSource(
    pg
      ? { type: 'postgres', url: pg.url, poolSize: 4 }
      : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db'), enableWAL: true },
  ).initialize();
  const runner = new ProjectionRunner({
    store,
    dataSource: db,
    projections,
    batchSize: 50,
    maxAttempts: 1,
    pollIntervalMs: 20,
    clock: () => new Date('2026-06-15T12:00:00Z'),
    logger: { warn: (message, context) => console.warn(message, context) },
  });
  await runner.start();
  await runner.waitForCatchUp({ timeoutMs: 20_000 });
  return {
    db,
    north,
    south,
    store,
    runner,
    async close() {
      await runner.stop();
      await db.destroy();
      await store.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts no event was parked: a projection that threw would otherwise just leave rows out. */
export async function parkedCount(runner: ProjectionRunner): Promise<number> {
  return (await runner.status()).reduce((sum, status) => sum + status.parked, 0);
}

export const clockAt = (iso: string): FixedClock => new FixedClock(new Date(iso));

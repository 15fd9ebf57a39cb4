// Integration-test harness for the insight read models: two boards' years driven through the real
// deciders of both contexts into a SQLite log (personal data sealed, as in the app), projected by the
// real ProjectionRunner into SQLite or PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import {
  InMemorySubjectKeyStore,
  mergePolicies,
  ProjectionRunner,
  ProtectedEventStore,
  SqliteEventStore,
} from '#event-store';
import { BOARD_PERSONAL_DATA } from '#board';
import { VOICE_PERSONAL_DATA } from '#voice';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { driveBoardYear, type BoardYear } from '#demo';
import { insightTables, type InsightTables } from './read-models-at.js';
import { voiceInfluenceProjection } from './voice-influence.projection.js';

export type ReadDatabaseKind = 'SQLite' | 'PostgreSQL';
export const READ_DATABASES: readonly ReadDatabaseKind[] = ['SQLite', 'PostgreSQL'];

export interface ProjectedYears {
  readonly db: DataSource;
  readonly tables: InsightTables;
  readonly store: ProtectedEventStore;
  /** The board whose read models are asserted. */
  readonly north: BoardYear;
  /** Another board in the same log, which must never show through. */
  readonly south: BoardYear;
  readonly runner: ProjectionRunner;
  close(): Promise<void>;
}

export async function projectBoardYears(kind: ReadDatabaseKind): Promise<ProjectedYears> {
  const dir = mkdtempSync(join(tmpdir(), 'cpb-insight-'));
  const raw = new SqliteEventStore({ filename: join(dir, 'events.db') });
  const store = new ProtectedEventStore({
    store: raw,
    keys: new InMemorySubjectKeyStore(),
    policy: mergePolicies(BOARD_PERSONAL_DATA, VOICE_PERSONAL_DATA),
  });
  const north = await driveBoardYear(store, { tenantId: 'tenant-north', prefix: 'north', seed: 7 });
  const south = await driveBoardYear(store, { tenantId: 'tenant-south', prefix: 'south', seed: 11 });
  const pg = kind === 'PostgreSQL' ? await createTestDatabase('cpb_insight') : undefined;
  const db = await new DataSource(
    pg
      ? { type: 'postgres', url: pg.url, poolSize: 4 }
      : { type: 'better-sqlite3', driver: Database, database: join(dir, 'read.db'), enableWAL: true },
  ).initialize();
  const runner = new ProjectionRunner({
    store,
    dataSource: db,
    projections: [voiceInfluenceProjection],
    batchSize: 100,
    maxAttempts: 1,
    pollIntervalMs: 20,
    logger: { warn: (message, context) => console.warn(message, context) },
  });
  await runner.start();
  await runner.waitForCatchUp({ timeoutMs: 60_000 });
  const tables = await insightTables(db);
  if (!tables) throw new Error('the insight projection did not start');
  return {
    db,
    tables,
    store,
    north,
    south,
    runner,
    async close() {
      await runner.stop();
      await db.destroy();
      await pg?.drop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

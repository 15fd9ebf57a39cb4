import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../testing/src/postgres/test-database.js';
import { readRegistry } from './projection-bookkeeping.js';

describe('readRegistry before any runner has started', () => {
  it('answers "nothing live" on SQLite', async () => {
    const db = await new DataSource({ type: 'better-sqlite3', driver: Database, database: ':memory:' }).initialize();
    await expect(readRegistry(db, 'anything')).resolves.toBeUndefined();
    await db.destroy();
  });

  it('answers "nothing live" on PostgreSQL', async () => {
    const pg = await createTestDatabase();
    const db = await new DataSource({ type: 'postgres', url: pg.url }).initialize();
    await expect(readRegistry(db, 'anything')).resolves.toBeUndefined();
    await db.destroy();
    await pg.drop();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { guardedPoolOptions } from '#event-store';
import type { AppConfig } from '#platform';

/**
 * The read side's relational database: SQLite (one file beside the event log) by default,
 * PostgreSQL in production. Read-model tables are rebuildable from the log.
 */
export function readDatabaseOptions(config: AppConfig, entities: DataSourceOptions['entities']): DataSourceOptions {
  if (config.READ_STORE === 'postgres') {
    return {
      type: 'postgres',
      url: config.DATABASE_URL,
      entities,
      // Made by openReadDatabase, one process at a time.
      synchronize: false,
      logging: false,
      // Guarded clients: TypeORM stops listening on a connection after its first error, and node-postgres
      // reports a lost server twice (see openPgPool).
      extra: { max: 10, ...guardedPoolOptions },
    };
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  return {
    type: 'better-sqlite3',
    // Handed over explicitly: TypeORM's own dynamic load breaks under Jest's ESM runtime.
    driver: Database,
    database: join(config.DATA_DIR, 'read.db'),
    entities,
    synchronize: true,
    logging: false,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Erased words must not linger in free pages of the file.
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/**
 * Opens the read database and brings its tables up to date. On PostgreSQL processes starting together
 * (two api replicas, a projector) take turns under an advisory lock: TypeORM's CREATE TABLE is not safe
 * against a concurrent creator.
 */
export async function openReadDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  if (options.type !== 'postgres') return dataSource;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext('cpb:read-database-schema'))");
    try {
      await dataSource.synchronize();
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext('cpb:read-database-schema'))");
    }
  } finally {
    await runner.release();
  }
  return dataSource;
}

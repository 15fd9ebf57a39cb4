import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openPgPool, PostgresSubjectKeyStore, SqliteSubjectKeyStore, type MasterKey } from '#event-store';
import type { AppConfig } from '#platform';

/**
 * Where the subject keys are kept: in PostgreSQL (DATABASE_URL) with a PostgreSQL event store, or with
 * KurrentDB when DATABASE_URL is set; else in a SQLite file (beside the events, or `keys.db` with KurrentDB).
 */
export function subjectKeyLocation(config: AppConfig): { readonly postgres: true } | { readonly sqliteFile: string } {
  if (config.EVENT_STORE === 'postgres' || (config.EVENT_STORE === 'kurrentdb' && config.DATABASE_URL)) {
    return { postgres: true };
  }
  return { sqliteFile: join(config.DATA_DIR, config.EVENT_STORE === 'sqlite' ? 'events.db' : 'keys.db') };
}

/** The key store this configuration names, in the operator's words (never a password from DATABASE_URL). */
export function describeKeyStore(config: AppConfig): string {
  const location = subjectKeyLocation(config);
  if ('sqliteFile' in location) return `the SQLite file ${location.sqliteFile} (table es_subject_keys)`;
  let where = 'at DATABASE_URL';
  try {
    const url = new URL(config.DATABASE_URL ?? '');
    const database = decodeURIComponent(url.pathname.slice(1));
    where = `database "${database}" on ${url.hostname}:${url.port || '5432'} (DATABASE_URL)`;
  } catch {
    // unparsable: the variable's name will do
  }
  return `PostgreSQL ${where} (table es_subject_keys)`;
}

/**
 * The subject key store the configuration names, on a connection of its own: for the master key check
 * before a process starts. With a SQLite event store it is the events' own file.
 */
export function openSubjectKeyStore(
  config: AppConfig,
  master: MasterKey,
): { readonly keys: SqliteSubjectKeyStore | PostgresSubjectKeyStore; close(): Promise<void> } {
  const location = subjectKeyLocation(config);
  if ('postgres' in location) {
    const pool = openPgPool({ connectionString: config.DATABASE_URL, max: 2, connectionTimeoutMillis: 10_000 });
    return { keys: new PostgresSubjectKeyStore(pool, master), close: () => pool.end() };
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const db = new Database(location.sqliteFile);
  db.pragma('busy_timeout = 5000');
  return { keys: new SqliteSubjectKeyStore(db, master), close: async () => void db.close() };
}

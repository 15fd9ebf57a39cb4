import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  connectKurrentDb,
  MasterKey,
  openPgPool,
  PostgresEventStore,
  PostgresSubjectKeyStore,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  Upcasters,
  type EventStore,
  type PersonalDataPolicy,
} from '#event-store';
import type { AppConfig } from '#platform';
import { subjectKeyLocation } from './key-store-location.js';
import { verifyOrRefuse } from './master-key-check.js';

export { subjectKeyLocation };

export interface OpenedEventStore {
  /** What the application uses: personal data sealed on write, opened on read. */
  readonly store: ProtectedEventStore;
  close(): Promise<void>;
}

/**
 * Opens the event store the configuration names, with personal data encrypted per subject.
 * Subject keys live beside the events on SQLite and PostgreSQL; with KurrentDB they live in the
 * relational database (PostgreSQL when DATABASE_URL is set, else a SQLite file in DATA_DIR).
 * The master key is checked against the key store's key check value first: a key that is not the
 * store's is refused (MasterKeyRefused) before anything is written.
 */
export async function openEventStore(
  config: AppConfig,
  masterKey: Buffer,
  policy: PersonalDataPolicy = {},
  upcasters: Upcasters = new Upcasters(),
): Promise<OpenedEventStore> {
  const master = MasterKey.fromBase64(masterKey.toString('base64'));
  const closers: Array<() => Promise<void> | void> = [];
  let raw: EventStore;
  let keys: SqliteSubjectKeyStore | PostgresSubjectKeyStore;
  const postgresKeys = (): PostgresSubjectKeyStore => {
    // A lost connection (a database restart) must not end the process: see openPgPool.
    const pool = openPgPool({ connectionString: config.DATABASE_URL, max: 4, connectionTimeoutMillis: 10_000 });
    closers.push(() => pool.end());
    return new PostgresSubjectKeyStore(pool, master);
  };
  const location = subjectKeyLocation(config);
  switch (config.EVENT_STORE) {
    case 'sqlite': {
      mkdirSync(config.DATA_DIR, { recursive: true });
      const sqlite = new SqliteEventStore({ filename: join(config.DATA_DIR, 'events.db') });
      raw = sqlite;
      keys = new SqliteSubjectKeyStore(sqlite.db, master);
      break;
    }
    case 'postgres':
      raw = await PostgresEventStore.connect({ connectionString: config.DATABASE_URL! });
      keys = postgresKeys();
      break;
    case 'kurrentdb': {
      raw = await connectKurrentDb({ connectionString: config.KURRENTDB_URL! });
      if ('postgres' in location) {
        keys = postgresKeys();
      } else {
        mkdirSync(config.DATA_DIR, { recursive: true });
        const db = new Database(location.sqliteFile);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        closers.push(() => void db.close());
        keys = new SqliteSubjectKeyStore(db, master);
      }
      break;
    }
  }
  const store = new ProtectedEventStore({ store: raw, keys, policy, upcasters });
  const close = async (): Promise<void> => {
    await store.close();
    for (const closer of closers) await closer();
  };
  try {
    await verifyOrRefuse(config, keys);
  } catch (error) {
    await close();
    throw error;
  }
  return { store, close };
}

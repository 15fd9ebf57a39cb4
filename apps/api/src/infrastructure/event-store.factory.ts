import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  KurrentDbEventStore,
  MasterKey,
  PostgresEventStore,
  PostgresSubjectKeyStore,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
  Upcasters,
  type EventStore,
  type PersonalDataPolicy,
  type SubjectKeyStore,
} from '#event-store';
import type { AppConfig } from '#platform';

export interface OpenedEventStore {
  /** What the application uses: personal data sealed on write, opened on read. */
  readonly store: ProtectedEventStore;
  close(): Promise<void>;
}

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

/**
 * Opens the event store the configuration names, with personal data encrypted per subject.
 * Subject keys live beside the events on SQLite and PostgreSQL; with KurrentDB they live in the
 * relational database (PostgreSQL when DATABASE_URL is set, else a SQLite file in DATA_DIR).
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
  let keys: SubjectKeyStore;
  const postgresKeys = (): SubjectKeyStore => {
    const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection lost (a database restart) is reported here; without a listener it would end the
    // process. The pool drops it and the next query reconnects.
    pool.on('error', () => undefined);
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
      raw = await KurrentDbEventStore.connect({ connectionString: config.KURRENTDB_URL! });
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
  return {
    store,
    async close() {
      await store.close();
      for (const close of closers) await close();
    },
  };
}

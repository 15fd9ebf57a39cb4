// Writes a log of many views fast, for the benches that need one before the api starts (bench:load,
// bench:growth): board-years of 1,200 views each, through the real deciders and the encrypting store as
// the api writes them (`appendManyBoardYears`, clone mode), straight into the api's store. Thousands of
// HTTP calls would take minutes and measure the seeding, not the log. Run it while the api is stopped.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  MasterKey,
  openPgPool,
  PostgresEventStore,
  PostgresSubjectKeyStore,
  ProtectedEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
} from '#event-store';
import { PERSONAL_DATA_POLICY } from '../../apps/api/src/infrastructure/personal-data.js';
import { appendManyBoardYears } from '../../libs/demo/src/board-year/many-board-years.js';

/** Ordinary views a board-year holds a month (1,200 a year). */
export const VIEWS_PER_MONTH = 100;

export interface BoardYearsTarget {
  /** The api's DATA_DIR: the log goes to its events.db (SQLite). */
  readonly dataDir: string;
  /** With a PostgreSQL event store: the api's DATABASE_URL (events and subject keys there). */
  readonly databaseUrl?: string;
  /** The api's CPB_MASTER_KEY (base64), so the api opens the subject keys written here. */
  readonly masterKey: string;
}

export interface BoardYearsWritten {
  /** Views in the log: whole board-years, so at least the number asked for. */
  readonly views: number;
  readonly events: number;
  readonly boards: number;
  readonly seconds: number;
}

/** Writes at least `views` views in whole board-years (tenants `<prefix>-1`, `<prefix>-2`, ...). */
export async function writeBoardYears(
  target: BoardYearsTarget,
  views: number,
  prefix: string,
  log: (line: string) => void,
): Promise<BoardYearsWritten> {
  const master = MasterKey.fromBase64(target.masterKey);
  let store: ProtectedEventStore;
  let closePool = async (): Promise<void> => undefined;
  if (target.databaseUrl) {
    // Setting up, not measured: commits need not wait for the disk (as synchronous=OFF on SQLite).
    const setup = new URL(target.databaseUrl);
    setup.searchParams.set('options', '-c synchronous_commit=off');
    const raw = await PostgresEventStore.connect({ connectionString: setup.toString() });
    const pool = openPgPool({ connectionString: setup.toString(), max: 4 });
    closePool = () => pool.end();
    store = new ProtectedEventStore({
      store: raw,
      keys: new PostgresSubjectKeyStore(pool, master),
      policy: PERSONAL_DATA_POLICY,
    });
  } else {
    const raw = new SqliteEventStore({ filename: join(target.dataDir, 'events.db') });
    raw.db.pragma('synchronous = OFF'); // setting up, not measured
    store = new ProtectedEventStore({
      store: raw,
      keys: new SqliteSubjectKeyStore(raw.db, master),
      policy: PERSONAL_DATA_POLICY,
    });
  }
  const boards = Math.max(1, Math.ceil(views / (VIEWS_PER_MONTH * 12)));
  const started = performance.now();
  try {
    const written = await appendManyBoardYears(store, {
      tenants: boards,
      prefix,
      viewsPerMonth: VIEWS_PER_MONTH,
      mode: 'clone',
      templates: Math.min(2, boards),
      onYear: ({ boards: done, events }) => log(`  ${done}/${boards} board-years, ${events} events`),
    });
    return {
      views: boards * VIEWS_PER_MONTH * 12,
      events: written.events,
      boards,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    await store.close();
    await closePool();
  }
}

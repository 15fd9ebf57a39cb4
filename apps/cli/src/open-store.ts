import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connectKurrentDb, PostgresEventStore, SqliteEventStore, type EventStore } from '#event-store';
import type { AppConfig } from '#platform';

/** The stored log as it is (sealed personal data): what integrity checks and exports read. */
export async function openRawEventStore(config: AppConfig): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'sqlite': {
      const filename = join(config.DATA_DIR, 'events.db');
      if (!existsSync(filename)) throw new Error(`no event log at ${filename} (set DATA_DIR)`);
      return new SqliteEventStore({ filename });
    }
    case 'postgres':
      return PostgresEventStore.connect({ connectionString: config.DATABASE_URL! });
    case 'kurrentdb':
      return connectKurrentDb({ connectionString: config.KURRENTDB_URL! });
  }
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '#event-store';
import type { AppConfig } from '#platform';

/** Opens the event store the configuration names. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      mkdirSync(config.DATA_DIR, { recursive: true });
      return new SqliteEventStore({ filename: join(config.DATA_DIR, 'events.db') });
    default:
      throw new Error(`EVENT_STORE=${config.EVENT_STORE} is not wired yet`);
  }
}

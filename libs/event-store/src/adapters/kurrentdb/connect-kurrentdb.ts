import type { EventStore } from '../../port/event-store.port.js';
import type { KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';

/**
 * Connects to KurrentDB, loading its client (gRPC, protobuf and a native bridge, about 12 MB) only
 * here: a process on SQLite or PostgreSQL never pays for it at start-up.
 */
export async function connectKurrentDb(options: KurrentDbEventStoreOptions): Promise<EventStore> {
  const { KurrentDbEventStore } = await import('./kurrentdb-event-store.js');
  return KurrentDbEventStore.connect(options);
}

export * from './port/envelope.js';
export * from './port/errors.js';
export * from './port/event-store.port.js';
export * from './port/expected-revision.js';
export * from './port/read-helpers.js';
export * from './integrity/hash-chain.js';
export * from './subscription/catch-up-subscription.js';
export * from './subscription/checkpointed-subscription.js';
export * from './subscription/subscription-checkpoints.js';
export { isSqliteBusy, SqliteSideConnection } from './projection/side-connection.js';
export { dialectOf } from './projection/projection-schema.js';
export * from './adapters/sqlite/sqlite-event-store.js';
export * from './command-handling/handle-command.js';
export * from './command-handling/board-check.js';
export * from './command-handling/board-streams.js';
export * from './command-handling/write-positions.js';
export * from './port/tokens.js';
export * from './personal-data/personal-data.errors.js';
export * from './personal-data/master-key.js';
export * from './personal-data/master-key-check.js';
export * from './personal-data/subject-key-store.port.js';
export * from './personal-data/in-memory-subject-key-store.js';
export * from './personal-data/sqlite-subject-key-store.js';
export * from './personal-data/postgres-subject-key-store.js';
export * from './personal-data/personal-data-policy.js';
export * from './personal-data/sealed-value.js';
export * from './personal-data/personal-data-cipher.js';
export * from './upcasting/upcasters.js';
export * from './protected-event-store.js';
// The adapter itself is loaded on first connect (its client is large); its type for those who hold one.
export * from './adapters/kurrentdb/connect-kurrentdb.js';
export type { KurrentDbEventStore, KurrentDbEventStoreOptions } from './adapters/kurrentdb/kurrentdb-event-store.js';
export * from './projection/projection.js';
export * from './projection/projection-runner.js';
export type { LagStatus, ProjectionLogger, ProjectionStatus } from './projection/projection-worker.js';
export {
  liveTableName,
  listParked,
  listUnreadable,
  readRegistry,
  ProjectionFenced,
  type ParkedEvent,
  type UnreadableEvent,
  type RegistryRow,
} from './projection/projection-bookkeeping.js';
export { physicalTableName } from './projection/projection-schema.js';
export * from './adapters/postgres/postgres-event-store.js';
export * from './adapters/postgres/pg-pool.js';
export * from './projection/read-tables.js';
export * from './projection/projection-replay.js';
export { isStorageFull, isTransientDbError } from './projection/transient-error.js';
export * from './command-handling/new-id.js';

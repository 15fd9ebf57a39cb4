export * from './port/envelope.js';
export * from './port/errors.js';
export * from './port/event-store.port.js';
export * from './port/expected-revision.js';
export * from './port/read-helpers.js';
export * from './integrity/hash-chain.js';
export * from './subscription/catch-up-subscription.js';
export * from './adapters/sqlite/sqlite-event-store.js';

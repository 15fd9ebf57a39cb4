export * from './board.module.js';
export * from './contracts/contribution-citability.js';
export * from './contracts/board-records.js';
export * from './read-models/board-projections.js';
export * from './personal-data.policy.js';
export * from './contracts/published-events.js';
export * from './contracts/deciders.js';

export * from './board.module.js';
export * from './contracts/index.js';
export * from './read-models/board-projections.js';
export * from './personal-data.policy.js';

export * from './demo/demo-board.js';
export * from './given-when-then.js';
export * from './projection-spec.js';
export * from './scenarios/index.js';

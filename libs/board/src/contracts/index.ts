// What another context may use of board, and nothing else: other libraries import it as #board/contracts.
export * from './board-records.js';
export * from './contribution-citability.js';
export * from './deciders.js';
export * from './decision-reference.js';
export * from './published-events.js';

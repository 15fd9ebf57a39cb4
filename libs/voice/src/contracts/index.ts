// What another context may use of voice, and nothing else: other libraries import it as #voice/contracts.
export * from './anonymisation.js';
export * from './deciders.js';
export * from './published-events.js';
export * from './sharing-explained.js';
export * from './view-choices.js';
export * from './view-reference.js';
export * from './view-standing.js';

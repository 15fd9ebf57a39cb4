// The shared kernel's pure part (`#kernel`): what deciders may import. No framework, no I/O.
export * from './decider.js';
export * from './domain-errors.js';
export * from './calendar.js';
export * from './input-check.js';
export * from './working-days.js';

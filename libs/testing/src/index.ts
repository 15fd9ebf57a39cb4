// Test support only: no production code imports this library (.dependency-cruiser.cjs).
export * from './given-when-then.js';
export * from './projection-spec.js';

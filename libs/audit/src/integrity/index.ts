// What the CLI and tests use without Nest: bundles, their verification and the signing key.
export * from './bundle-format.js';
export * from './bundle-writer.js';
export * from './bundle-verifier.js';
export * from './log-verification.js';
export * from './signing-key.js';

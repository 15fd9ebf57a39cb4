// What the CLI and tests use without Nest (the #audit door loads the module): bundles, their verification
// and the signing key.
export * from '../read-models/integrity/bundle-format.js';
export * from '../read-models/integrity/bundle-writer.js';
export * from '../read-models/integrity/bundle-verifier.js';
export * from '../read-models/integrity/log-verification.js';
export * from '../read-models/integrity/signing-key.js';

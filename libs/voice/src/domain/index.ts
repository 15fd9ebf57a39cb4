// The children's voice context's pure domain: what the application layer may use.
export * from './call-for-views/index.js';
export * from './contribution/index.js';
export * from './safeguarding/index.js';
export * from './receipt/index.js';
export * from './settings/index.js';
export * from './reading-age/index.js';
export * from './moderation-deadline/index.js';

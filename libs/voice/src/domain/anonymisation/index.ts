export * from './anonymiser.js';
export * from './english-lexicon.js';
export * from './removed-span.js';

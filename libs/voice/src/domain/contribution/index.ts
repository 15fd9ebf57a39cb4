// A young person's view: giving it, moderation, the meeting, the answer, withdrawal and erasure.
export * from './contribution.values.js';
export * from './contribution.commands.js';
export * from './contribution.events.js';
export * from './contribution.state.js';
export * from './contribution.queries.js';
export * from './contribution.decider.js';
export * from './contribution.personal-data.js';
export { READING_AGE_REASON_MAX_CHARS } from './answer-reading-age.rules.js';

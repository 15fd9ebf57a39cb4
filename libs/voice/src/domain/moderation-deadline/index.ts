// Every view is read by a person within the board's moderation window: one small stream per view.
export * from './moderation-window.js';
export * from './moderation-deadline.commands.js';
export * from './moderation-deadline.events.js';
export * from './moderation-deadline.state.js';
export * from './moderation-deadline.decider.js';

// Calls for views: the board's open questions to young people, and when a view counts as late.
export * from './call-for-views.commands.js';
export * from './call-for-views.events.js';
export * from './call-for-views.state.js';
export * from './call-for-views.queries.js';
export * from './call-for-views.decider.js';
export type { CalendarDate } from '#kernel';
export type { FieldError } from '#kernel';

// The board context's pure domain: what the application layer (handlers, projections) may use.

// Calendar and notice
export { addDays, dayOfWeek, instantMs, isCalendarDate, isInstant, type CalendarDate } from '#kernel';
export { londonDateOf } from '#kernel';
export * from './calendar/working-days.js';
export * from './calendar/agenda-notice.js';
export * from './jurisdiction.js';
export type { Tag } from './tags.js';
export type { FieldError } from '#kernel';

// Board
export * from './board/board.commands.js';
export * from './board/board.events.js';
export * from './board/board.state.js';
export * from './board/board.queries.js';
export * from './board/board.decider.js';
export * from './board/corporate-parenting-principles.js';
export * from './board/default-themes.js';

// Meeting
export * from './meeting/meeting.commands.js';
export type * from './meeting/schedule.rules.js';
export type * from './meeting/agenda.rules.js';
export type * from './meeting/proceedings.rules.js';
export type * from './meeting/minutes.rules.js';
export * from './meeting/meeting.events.js';
export * from './meeting/meeting.state.js';
export * from './meeting/meeting.queries.js';
export * from './meeting/meeting.decider.js';
export * from './meeting/standing-items.js';

// Decision
export * from './decision/decision.content.js';
export * from './decision/decision.commands.js';
export type * from './decision/record-decision.rules.js';
export type * from './decision/change-decision.rules.js';
export * from './decision/decision.events.js';
export * from './decision/decision.state.js';
export * from './decision/decision.facts.js';
export * from './decision/decision.decider.js';
export * from './decision/voice-evidence.js';

// Action
export * from './action/action.commands.js';
export * from './action/action.events.js';
export * from './action/action.state.js';
export * from './action/action.decider.js';

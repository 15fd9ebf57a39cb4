// A board's voice settings: its own screening rules, safeguarding owners and deadline, invite codes,
// and what young people see of the council (its number, its colour).
export * from './voice-settings.events.js';
export * from './voice-settings.commands.js';
export * from './voice-settings.state.js';
export * from './voice-settings.decider.js';
export * from './local-screening-rules.js';
export * from './invite-code.js';
export * from './council-colour.js';

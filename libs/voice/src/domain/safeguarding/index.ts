// Safeguarding: the screen every view passes at submission, and the case a flagged view opens.
export * from './screen.js';
export { normaliseForScreen } from './screen-text.js';
export * from './default-safeguarding-rules.js';
export * from './safeguarding-case.commands.js';
export * from './safeguarding-case.events.js';
export * from './safeguarding-case.state.js';
export * from './safeguarding-case.decider.js';

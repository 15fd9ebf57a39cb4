export * from './voice.module.js';
export * from './personal-data.policy.js';
export * from './read-models/voice-projections.js';
export * from './contracts/published-events.js';
export * from './contracts/anonymisation.js';
export * from './contracts/sharing-explained.js';
export { countOverdueSafeguardingCases } from './staff/safeguarding/overdue-cases.count.js';

export * from './board.module.js';
export * from './contracts/index.js';
export * from './read-models/board-projections.js';
export * from './personal-data.policy.js';
// For the server-rendered audit pages (apps/web): the same queries as the register and meeting routes.
export { GetDecisions } from './read-models/decisions-register/get-decisions.query.js';
export type { DecisionSummaryView } from './read-models/decisions-register/decisions-register.dto.js';
export { GetMeetingDetail } from './read-models/meeting-detail/get-meeting-detail.query.js';
export type { MeetingDetailView } from './read-models/meeting-detail/meeting-detail.dto.js';

export * from './voice.module.js';
export * from './personal-data.policy.js';
export * from './read-models/voice-projections.js';
export * from './contracts/published-events.js';
export * from './contracts/anonymisation.js';
export * from './contracts/sharing-explained.js';
export * from './contracts/view-choices.js';
export { countOverdueSafeguardingCases } from './staff/safeguarding/overdue-cases.count.js';
// The young people's pages (apps/web) give a view through the same use case as the JSON API.
export { GiveView } from './young-people/give-view/give-view.command.js';
export { GiveViewRequest, type GiveViewResponse } from './young-people/give-view/give-view.dto.js';
export { GetOpenCalls, type OpenCallView } from './participation/calls/calls-for-views.query.js';
// "Check my view", server-rendered (apps/web), through the same query and command as /api/public/views.
export { CheckView } from './young-people/my-view/check-view.query.js';
export { ActOnMyView, type AuthorDone } from './young-people/my-view/author-commands.js';
export type { MyViewResponse } from './young-people/my-view/my-view.dto.js';
// "You said, we did", server-rendered (apps/web), through the same queries as /api/public/boards/:board/you-said-we-did.
export { GetYouSaidWeDid } from './public/you-said-we-did/get-you-said-we-did.query.js';
export { GetPublicDecision } from './public/you-said-we-did/get-public-decision.query.js';
export type {
  PublicDecisionResponse,
  WeDidDecisionResponse,
  YouSaidWeDidEntryResponse,
} from './public/you-said-we-did/you-said-we-did.dto.js';

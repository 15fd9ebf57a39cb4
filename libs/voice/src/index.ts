export * from './voice.module.js';
export * from './personal-data.policy.js';
export * from './read-models/voice-projections.js';
export * from './contracts/index.js';
export { countOverdueSafeguardingCases } from './read-models/safeguarding-queue/overdue-cases.count.js';
// The young people's pages (apps/web) give a view through the same use case as the JSON API.
export { GiveView } from './commands/give-view/give-view.command.js';
export { GiveViewRequest, type GiveViewResponse } from './commands/give-view/give-view.dto.js';
export { GetOpenCalls, type OpenCallView } from './read-models/calls-for-views/calls-for-views.query.js';
// "Check my view", server-rendered (apps/web), through the same query and command as /api/public/views.
export { CheckView } from './read-models/my-view/check-view.query.js';
export { ActOnMyView, type AuthorDone } from './commands/act-on-my-view/act-on-my-view.command.js';
export type { MyViewResponse } from './read-models/my-view/my-view.dto.js';
// The council's colour on the header of a board's pages (apps/web).
export { GetCouncilColour } from './read-models/voice-settings/council-colour.query.js';
// "You said, we did", server-rendered (apps/web), through the same queries as /api/public/boards/:board/you-said-we-did.
export { GetYouSaidWeDid } from './read-models/you-said-we-did/get-you-said-we-did.query.js';
export { GetPublicDecision } from './read-models/you-said-we-did/get-public-decision.query.js';
export type {
  PublicDecisionResponse,
  WeDidDecisionResponse,
  YouSaidWeDidEntryResponse,
} from './read-models/you-said-we-did/you-said-we-did.dto.js';

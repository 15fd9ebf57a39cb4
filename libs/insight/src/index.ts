import type { Projection } from '#event-store';
import { voiceInfluenceProjection } from './read-models/voice-influence.projection.js';

export * from './insight.module.js';

/** The insight context's read models, for the projection runner. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [voiceInfluenceProjection];
// For the server-rendered audit pages (apps/web): the same queries as the insight routes.
export {
  GetDecisionInfluence,
  type DecisionInfluence,
  type CitedView,
} from './read-models/decision-influence/get-decision-influence.query.js';
export { GetViewJourney, type ViewJourney } from './read-models/view-journey/get-view-journey.query.js';

import type { Projection } from '#event-store';
import { boardOutcomesProjection } from './board-outcomes/board-outcomes.projection.js';
import { callsForViewsProjection } from './calls-for-views/calls-for-views.projection.js';
import { contributionStatusProjection } from './contribution-status/contribution-status.projection.js';
import { moderationDeadlinesProjection } from './moderation-deadlines/moderation-deadlines.projection.js';
import { myViewJourneyProjection } from './my-view/my-view-journey.projection.js';
import { safeguardingCasesProjection } from './safeguarding-queue/safeguarding-cases.projection.js';
import { contributionReceiptsProjection } from './view-receipts/contribution-receipts.projection.js';
import { youSaidWeDidProjection } from './you-said-we-did/you-said-we-did.projection.js';

/**
 * Every voice read model's projection, for the runner. None for a board's settings: its stream holds a
 * handful of events and is folded on read (VoiceSettings).
 */
export const VOICE_PROJECTIONS: readonly Projection[] = [
  contributionReceiptsProjection,
  myViewJourneyProjection,
  contributionStatusProjection,
  safeguardingCasesProjection,
  moderationDeadlinesProjection,
  callsForViewsProjection,
  youSaidWeDidProjection,
  // What the board did (meetings, decisions, citations, actions), told to young people and the public.
  boardOutcomesProjection,
];

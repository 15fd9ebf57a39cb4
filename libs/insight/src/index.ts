import type { Projection } from '#event-store';
import { voiceInfluenceProjection } from './read-models/voice-influence.projection.js';

export * from './insight.module.js';

/** The insight context's read models, for the projection runner. */
export const INSIGHT_PROJECTIONS: readonly Projection[] = [voiceInfluenceProjection];

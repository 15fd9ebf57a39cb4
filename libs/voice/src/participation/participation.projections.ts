import type { Projection } from '#event-store';
import { callsForViewsProjection } from './calls/calls-for-views.projection.js';

export const PARTICIPATION_PROJECTIONS: readonly Projection[] = [callsForViewsProjection];

import type { Projection } from '#event-store';
import { myViewJourneyProjection } from './journey/my-view-journey.projection.js';
import { contributionReceiptsProjection } from './receipts/contribution-receipts.projection.js';

export const YOUNG_PEOPLE_PROJECTIONS: readonly Projection[] = [
  contributionReceiptsProjection,
  myViewJourneyProjection,
];

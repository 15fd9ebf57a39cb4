import type { Projection } from '#event-store';
import { contributionStatusProjection } from './contribution-status/contribution-status.projection.js';
import { moderationDeadlinesProjection } from './moderation-deadline/moderation-deadlines.projection.js';
import { safeguardingCasesProjection } from './safeguarding/safeguarding-cases.projection.js';

export const STAFF_VOICE_PROJECTIONS: readonly Projection[] = [
  contributionStatusProjection,
  safeguardingCasesProjection,
  moderationDeadlinesProjection,
];

// The voice context's published language: the events other contexts (insight, audit) may read from
// the log. A young person's words travel only in fields named `text`, sealed under their key.
export type {
  ContributionEvent,
  ContributionErased,
  ContributionEscalatedForSafeguarding,
  ContributionFeedbackRecorded,
  ContributionSubmitted,
  ContributionTabled,
  ContributionWithdrawn,
  Sharing,
} from '../domain/index.js';
export { CONTRIBUTION_EVENT_TYPES, contributionStream } from '../domain/index.js';

import type { ContributionCitability } from './voice-evidence.js';
import type { DecisionFacts, MeetingFactsForDecision } from './decision.facts.js';

export interface RecordDecisionFacts {
  /** See meetingFactsForDecision. */
  readonly meeting: MeetingFactsForDecision;
  /** From the voice context, for every contribution cited. */
  readonly contributions: readonly ContributionCitability[];
  /** See decisionFacts; required with amends or supersedes. */
  readonly earlier?: DecisionFacts;
}

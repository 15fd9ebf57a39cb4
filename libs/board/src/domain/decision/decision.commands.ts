import type { DomainCommand } from '#kernel';
import type { DecisionContent } from './decision.content.js';
import type { ContributionCitability } from './voice-evidence.js';
import type { DecisionFacts, LaterDecisionFacts, MeetingFactsForDecision } from './decision.facts.js';

export interface RecordDecisionFacts {
  /** See meetingFactsForDecision. */
  readonly meeting: MeetingFactsForDecision;
  /** From the voice context, for every contribution cited. */
  readonly contributions: readonly ContributionCitability[];
  /** See decisionFacts; required with amends or supersedes. */
  readonly earlier?: DecisionFacts;
}

export type RecordDecision = DomainCommand<
  'RecordDecision',
  DecisionContent & { readonly decisionId: string; readonly at: string; readonly facts: RecordDecisionFacts }
>;

/** Sent to the ORIGINAL decision's stream once the amending decision is recorded. */
export type AmendDecision = DomainCommand<
  'AmendDecision',
  {
    readonly decisionId: string;
    readonly byDecisionId: string;
    readonly reason: string;
    readonly changes: string;
    readonly at: string;
    readonly facts: { readonly by: LaterDecisionFacts };
  }
>;

/** Sent to the ORIGINAL decision's stream once the superseding decision is recorded. */
export type SupersedeDecision = DomainCommand<
  'SupersedeDecision',
  {
    readonly decisionId: string;
    readonly byDecisionId: string;
    readonly reason: string;
    readonly at: string;
    readonly facts: { readonly by: LaterDecisionFacts };
  }
>;

export type DecisionCommand = RecordDecision | AmendDecision | SupersedeDecision;

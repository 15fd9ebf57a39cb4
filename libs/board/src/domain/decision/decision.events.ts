import type { DomainEvent } from '#kernel';
import type { DecisionContent } from './decision.content.js';

export const decisionStream = (decisionId: string): string => `decision-${decisionId}`;

/** A decision as recorded: never edited afterwards, only amended or superseded by a later one. */
export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  DecisionContent & { readonly decisionId: string; readonly at: string }
>;

export type DecisionAmended = DomainEvent<
  'DecisionAmended',
  {
    readonly decisionId: string;
    readonly byDecisionId: string;
    readonly reason: string;
    readonly changes: string;
    readonly at: string;
  }
>;

export type DecisionSuperseded = DomainEvent<
  'DecisionSuperseded',
  { readonly decisionId: string; readonly byDecisionId: string; readonly reason: string; readonly at: string }
>;

// Left for the voice issue: when a young person withdraws a view already cited, the decision stays as
// recorded (it is history) but should gain an event such as ContributionWithdrawnFromCitation so that
// read models stop showing the view's words while keeping the fact that a view was considered.

export type DecisionEvent = DecisionRecorded | DecisionAmended | DecisionSuperseded;

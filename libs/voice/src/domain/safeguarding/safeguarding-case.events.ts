import type { DomainEvent } from '#kernel';
import type { SafeguardingOutcome, SafeguardingSource } from './safeguarding-case.commands.js';

export const safeguardingCaseStream = (caseId: string): string => `safeguarding-${caseId}`;

// No event here carries the young person's words: the case points at the contribution, whose text
// only the safeguarding role may read.

export type SafeguardingCaseOpened = DomainEvent<
  'SafeguardingCaseOpened',
  {
    readonly caseId: string;
    readonly contributionId: string;
    readonly categories: readonly string[];
    readonly source: SafeguardingSource;
    readonly namedLead: string;
    /** Null when the board had a single safeguarding lead: no one to escalate to (added by issue 17). */
    readonly deputy: string | null;
    readonly acknowledgeWithin: number;
    /** at + acknowledgeWithin, in UTC: the deadline a scheduler waits for. */
    readonly dueBy: string;
    readonly at: string;
  }
>;

export type CaseAcknowledged = DomainEvent<
  'CaseAcknowledged',
  {
    readonly caseId: string;
    readonly by: string;
    readonly as: 'named-lead' | 'deputy';
    /** Acknowledged at or after dueBy: reported to the board as a missed deadline. */
    readonly late: boolean;
    readonly at: string;
  }
>;

export type CaseEscalatedToDeputy = DomainEvent<
  'CaseEscalatedToDeputy',
  { readonly caseId: string; readonly deputy: string; readonly dueBy: string; readonly at: string }
>;

export type CaseOutcomeRecorded = DomainEvent<
  'CaseOutcomeRecorded',
  {
    readonly caseId: string;
    readonly outcome: SafeguardingOutcome;
    readonly reason: string;
    readonly by: string;
    readonly at: string;
  }
>;

export type SafeguardingCaseEvent =
  SafeguardingCaseOpened | CaseAcknowledged | CaseEscalatedToDeputy | CaseOutcomeRecorded;

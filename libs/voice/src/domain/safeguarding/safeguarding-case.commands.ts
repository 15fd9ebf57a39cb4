import type { DomainCommand } from '#kernel';

export const SAFEGUARDING_OUTCOMES = ['referred-to-front-door', 'advice-given', 'no-further-action'] as const;
export type SafeguardingOutcome = (typeof SAFEGUARDING_OUTCOMES)[number];

/** How a view reached the safeguarding queue: flagged by the screen at submission, or by a moderator. */
export type SafeguardingSource = 'screen' | 'moderator';

export type OpenSafeguardingCase = DomainCommand<
  'OpenSafeguardingCase',
  {
    readonly caseId: string;
    readonly contributionId: string;
    /** The screen's matched categories; a moderator may escalate without naming one. */
    readonly categories: readonly string[];
    readonly source: SafeguardingSource;
    /** Minutes the named lead has to acknowledge, from the board's configuration. */
    readonly acknowledgeWithin: number;
    /** Staff ids. */
    readonly namedLead: string;
    /** Null when the board has a single safeguarding lead: the case stays with them (issue 17). */
    readonly deputy: string | null;
    readonly at: string;
  }
>;

export type AcknowledgeCase = DomainCommand<
  'AcknowledgeCase',
  { readonly caseId: string; readonly by: string; readonly at: string }
>;

/** Sent by the durable deadline when dueBy passes; safe to send more than once. */
export type EscalateOverdueCase = DomainCommand<
  'EscalateOverdueCase',
  { readonly caseId: string; readonly at: string }
>;

export type RecordOutcome = DomainCommand<
  'RecordOutcome',
  {
    readonly caseId: string;
    readonly outcome: SafeguardingOutcome;
    readonly reason: string;
    readonly by: string;
    readonly at: string;
  }
>;

export type SafeguardingCaseCommand = OpenSafeguardingCase | AcknowledgeCase | EscalateOverdueCase | RecordOutcome;

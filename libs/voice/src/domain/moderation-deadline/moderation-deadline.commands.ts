import type { CalendarJurisdiction, DomainCommand } from '#kernel';

/** What a person decided on reading the view: each ends its wait in time or late. */
export const MODERATION_DECISIONS = [
  'accepted',
  'accepted-with-redactions',
  'question-asked',
  'escalated-for-safeguarding',
  'declined',
] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** Why a view stopped waiting with no one needing to read it: its author or the screen took it away. */
export const MODERATION_CANCELLATIONS = ['withdrawn', 'erased', 'withheld-by-screen'] as const;
export type ModerationCancellation = (typeof MODERATION_CANCELLATIONS)[number];

/** What started the wait: the view itself, or its author's answer to a moderator's question. */
export type ModerationWaitReason = 'submitted' | 'answered';

export type StartModerationDeadline = DomainCommand<
  'StartModerationDeadline',
  {
    readonly contributionId: string;
    readonly reason: ModerationWaitReason;
    /** The board's window and calendar when the view arrived. */
    readonly windowWorkingDays: number;
    readonly jurisdiction: CalendarJurisdiction;
    /** When the view (or answer) arrived: the wait starts then, not when a process noticed it. */
    readonly at: string;
  }
>;

export type MeetModerationDeadline = DomainCommand<
  'MeetModerationDeadline',
  { readonly contributionId: string; readonly decision: ModerationDecision; readonly at: string }
>;

export type CancelModerationDeadline = DomainCommand<
  'CancelModerationDeadline',
  { readonly contributionId: string; readonly reason: ModerationCancellation; readonly at: string }
>;

/** Sent by the durable deadline when dueBy passes; safe to send more than once. */
export type EscalateOverdueModeration = DomainCommand<
  'EscalateOverdueModeration',
  {
    readonly contributionId: string;
    /** Staff id of the board's moderation lead now; null when the board has no moderator at all. */
    readonly lead: string | null;
    readonly at: string;
  }
>;

export type ModerationDeadlineCommand =
  StartModerationDeadline | MeetModerationDeadline | CancelModerationDeadline | EscalateOverdueModeration;

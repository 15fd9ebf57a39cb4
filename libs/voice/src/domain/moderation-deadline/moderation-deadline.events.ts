import type { CalendarJurisdiction, DomainEvent } from '#kernel';
import type {
  ModerationCancellation,
  ModerationDecision,
  ModerationWaitReason,
} from './moderation-deadline.commands.js';

/** One small stream per view: its moderation deadline, apart from the view's own stream. */
export const moderationDeadlineStream = (contributionId: string): string => `moderation-deadline-${contributionId}`;

// No event here carries a young person's words or identity: ids, reasons, dates and a staff id.

/**
 * The view (round 1) or its author's answer to a question (round 2, 3, ...) waits for a person to read
 * it by `dueBy`: the end of the board's window of working days after the London day it arrived.
 */
export type ModerationDeadlineStarted = DomainEvent<
  'ModerationDeadlineStarted',
  {
    readonly contributionId: string;
    readonly round: number;
    readonly reason: ModerationWaitReason;
    readonly windowWorkingDays: number;
    readonly jurisdiction: CalendarJurisdiction;
    readonly dueBy: string;
    /** When the view or answer arrived. */
    readonly at: string;
  }
>;

/** A person read the view and decided; `late` when at or after dueBy, `escalated` when it had gone to the lead. */
export type ModerationDeadlineMet = DomainEvent<
  'ModerationDeadlineMet',
  {
    readonly contributionId: string;
    readonly round: number;
    readonly decision: ModerationDecision;
    readonly dueBy: string;
    readonly late: boolean;
    readonly escalated: boolean;
    readonly at: string;
  }
>;

/** The view left the queue unread: withdrawn or erased by request, or an answer the screen withheld. */
export type ModerationDeadlineCancelled = DomainEvent<
  'ModerationDeadlineCancelled',
  {
    readonly contributionId: string;
    readonly round: number;
    readonly reason: ModerationCancellation;
    readonly at: string;
  }
>;

/** Past dueBy with no one having read it: the board's moderation lead is told, once a round. */
export type ModerationEscalatedToLead = DomainEvent<
  'ModerationEscalatedToLead',
  {
    readonly contributionId: string;
    readonly round: number;
    /** Staff id; null when the board had no moderator to name (the queue and settings say so). */
    readonly lead: string | null;
    readonly dueBy: string;
    readonly waitingSince: string;
    readonly at: string;
  }
>;

export type ModerationDeadlineEvent =
  ModerationDeadlineStarted | ModerationDeadlineMet | ModerationDeadlineCancelled | ModerationEscalatedToLead;

export const MODERATION_DEADLINE_EVENT_TYPES: readonly ModerationDeadlineEvent['type'][] = [
  'ModerationDeadlineStarted',
  'ModerationDeadlineMet',
  'ModerationDeadlineCancelled',
  'ModerationEscalatedToLead',
];

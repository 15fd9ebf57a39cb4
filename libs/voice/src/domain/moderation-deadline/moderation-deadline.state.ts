import type { ModerationDecision } from './moderation-deadline.commands.js';
import type { ModerationDeadlineEvent } from './moderation-deadline.events.js';

export interface ModerationDeadlineState {
  /** waiting: for a person to read it; met: a person did; cancelled: it left the queue unread. */
  readonly status: 'none' | 'waiting' | 'met' | 'cancelled';
  readonly contributionId: string;
  readonly round: number;
  readonly waitingSince: string;
  readonly dueBy: string;
  /** When this round went to the moderation lead. */
  readonly escalatedAt?: string;
  readonly decision?: ModerationDecision;
}

export const initialModerationDeadlineState = (): ModerationDeadlineState => ({
  status: 'none',
  contributionId: '',
  round: 0,
  waitingSince: '',
  dueBy: '',
});

export function evolveModerationDeadline(
  state: ModerationDeadlineState,
  event: ModerationDeadlineEvent,
): ModerationDeadlineState {
  switch (event.type) {
    case 'ModerationDeadlineStarted': {
      const { contributionId, round, dueBy, at } = event.data;
      return { status: 'waiting', contributionId, round, waitingSince: at, dueBy };
    }
    case 'ModerationDeadlineMet':
      return { ...state, status: 'met', decision: event.data.decision };
    case 'ModerationDeadlineCancelled':
      return { ...state, status: 'cancelled' };
    case 'ModerationEscalatedToLead':
      return { ...state, escalatedAt: event.data.at };
  }
}

/** Overdue is derived, never stored: still waiting at or past dueBy, escalated or not. */
export function isModerationOverdue(state: ModerationDeadlineState, now: string): boolean {
  return state.status === 'waiting' && Date.parse(now) >= Date.parse(state.dueBy);
}

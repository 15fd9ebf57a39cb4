import { CALENDAR_JURISDICTIONS, checkInput, NotFound, RuleBroken, type Decider } from '#kernel';
import {
  MODERATION_CANCELLATIONS,
  MODERATION_DECISIONS,
  type CancelModerationDeadline,
  type EscalateOverdueModeration,
  type MeetModerationDeadline,
  type ModerationDeadlineCommand,
  type StartModerationDeadline,
} from './moderation-deadline.commands.js';
import type { ModerationDeadlineEvent } from './moderation-deadline.events.js';
import {
  evolveModerationDeadline,
  initialModerationDeadlineState,
  type ModerationDeadlineState,
} from './moderation-deadline.state.js';
import { MODERATION_WINDOW_WORKING_DAYS, moderationDueBy } from './moderation-window.js';

/**
 * Every view is read by a person within the board's moderation window, whatever the screen said. The
 * commands come from a process manager following the view's stream and from a timer: a repeat (a replay
 * after a restart, a second api process) decides nothing, so each fact is recorded once.
 */
export const moderationDeadlineDecider: Decider<
  ModerationDeadlineCommand,
  ModerationDeadlineEvent,
  ModerationDeadlineState
> = {
  decide(command, state) {
    switch (command.type) {
      case 'StartModerationDeadline':
        return start(command, state);
      case 'MeetModerationDeadline':
        return meet(command, state);
      case 'CancelModerationDeadline':
        return cancel(command, state);
      case 'EscalateOverdueModeration':
        return escalate(command, state);
    }
  },
  evolve: evolveModerationDeadline,
  initialState: initialModerationDeadlineState,
};

function start({ data }: StartModerationDeadline, state: ModerationDeadlineState): ModerationDeadlineEvent[] {
  const { min, max } = MODERATION_WINDOW_WORKING_DAYS;
  checkInput()
    .text('contributionId', data.contributionId)
    .oneOf('reason', data.reason, ['submitted', 'answered'])
    .that(
      Number.isInteger(data.windowWorkingDays) && data.windowWorkingDays >= min && data.windowWorkingDays <= max,
      'windowWorkingDays',
      `must be a whole number of working days from ${min} to ${max}`,
    )
    .oneOf('jurisdiction', data.jurisdiction, CALENDAR_JURISDICTIONS)
    .instant('at', data.at)
    .done();
  // A first wait; or, after a moderator's question, the author's answer waits for a person in turn.
  const answerAfterQuestion =
    data.reason === 'answered' && state.status === 'met' && state.decision === 'question-asked';
  if (state.status !== 'none' && !answerAfterQuestion) return [];
  const { contributionId, reason, windowWorkingDays, jurisdiction, at } = data;
  const dueBy = moderationDueBy(at, windowWorkingDays, jurisdiction);
  return [
    {
      type: 'ModerationDeadlineStarted',
      data: { contributionId, round: state.round + 1, reason, windowWorkingDays, jurisdiction, dueBy, at },
    },
  ];
}

function meet({ data }: MeetModerationDeadline, state: ModerationDeadlineState): ModerationDeadlineEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .oneOf('decision', data.decision, MODERATION_DECISIONS)
    .instant('at', data.at)
    .done();
  // Nothing waiting: a view the screen withheld at once, or a decision already recorded (a replay).
  if (state.status !== 'waiting') return [];
  const { contributionId, decision, at } = data;
  const { round, dueBy } = state;
  const late = Date.parse(at) >= Date.parse(dueBy);
  return [
    {
      type: 'ModerationDeadlineMet',
      data: { contributionId, round, decision, dueBy, late, escalated: state.escalatedAt !== undefined, at },
    },
  ];
}

function cancel({ data }: CancelModerationDeadline, state: ModerationDeadlineState): ModerationDeadlineEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .oneOf('reason', data.reason, MODERATION_CANCELLATIONS)
    .instant('at', data.at)
    .done();
  if (state.status !== 'waiting') return [];
  const { contributionId, reason, at } = data;
  return [{ type: 'ModerationDeadlineCancelled', data: { contributionId, round: state.round, reason, at } }];
}

// The deadline "fires once" a round: a retried timer, a second process or a sweep after a restart
// decides nothing, as does a deadline that passes after a person read the view.
function escalate({ data }: EscalateOverdueModeration, state: ModerationDeadlineState): ModerationDeadlineEvent[] {
  checkInput()
    .text('contributionId', data.contributionId)
    .that(
      data.lead === null || (typeof data.lead === 'string' && data.lead.trim() !== ''),
      'lead',
      'is required (null only with no moderator)',
    )
    .instant('at', data.at)
    .done();
  if (state.status === 'none') throw new NotFound('No moderation deadline for this view.');
  if (state.status !== 'waiting' || state.escalatedAt !== undefined) return [];
  if (Date.parse(data.at) < Date.parse(state.dueBy)) {
    // Refused rather than ignored, so a timer that fired early retries instead of believing it done.
    throw new RuleBroken('moderation-not-yet-due', 'This view is not yet past its moderation window.', {
      dueBy: state.dueBy,
    });
  }
  const { contributionId, lead, at } = data;
  const { round, dueBy, waitingSince } = state;
  return [{ type: 'ModerationEscalatedToLead', data: { contributionId, round, lead, dueBy, waitingSince, at } }];
}
